/**
 * The playback feature as an app module: after a run, a "Replay one cascade" button appears on
 * the graph stage; it opens the playback controls (createPlayback) over the current view, for
 * the traced run of the last result. Closing it, a new graph or a new result removes it.
 */
import './playback.css';
import { el } from '../dom.ts';
import { t } from '../i18n.ts';
import type { AppContext, AppModule } from '../panels.ts';
import type { GraphView } from '../view/graph-view.ts';
import { createPlayback, type Playback } from './playback.ts';

export const playbackModule: AppModule = {
  id: 'playback',
  mount(ctx: AppContext) {
    const { store } = ctx;
    const open = el('button', { type: 'button', 'data-testid': 'playback-open', class: 'playback-open' });
    open.textContent = t('playback.open');
    const close = el('button', { type: 'button', 'data-testid': 'playback-close', class: 'playback-close' });
    close.textContent = t('playback.close');
    const controls = el('div', { class: 'playback-controls' });
    const box = el(
      'div',
      { class: 'playback-box', 'data-testid': 'playback-box', hidden: '' },
      open,
      controls,
    );
    ctx.stage.append(box);

    let playback: Playback | null = null;

    /** The trace of the last result when it belongs to the graph on screen. */
    const currentTrace = () => {
      const { result, graph, trace } = store.get();
      if (!result || !graph || !trace || result.graphSerial !== graph.serial) return null;
      return { trace, graph };
    };

    const stop = () => {
      try {
        playback?.destroy();
      } catch {
        // The view was killed under us (a new graph): nothing left to restore.
      }
      playback = null;
      controls.replaceChildren();
      open.hidden = false;
    };

    const start = (view: GraphView) => {
      const current = currentTrace();
      if (!current) return;
      stop();
      const host = el('div');
      controls.replaceChildren(host, close);
      playback = createPlayback({
        sigma: view.sigma,
        trace: current.trace,
        n: current.graph.loaded.csr.n,
        csr: current.graph.loaded.csr,
        container: host,
        setNodeOverlay: (overlay) => view.setOverlay(overlay),
      });
      open.hidden = true;
      playback.play();
    };

    const update = () => {
      stop();
      box.hidden = currentTrace() === null || ctx.view() === null;
    };

    open.addEventListener('click', () => {
      const view = ctx.view();
      if (view) start(view);
    });
    close.addEventListener('click', () => {
      stop();
      open.focus();
    });
    store.select((s) => s.trace, update);
    store.select((s) => s.graph, update);
    ctx.onView(update);
    update();
  },
};
