/**
 * The graph stage: the sigma view of the loaded graph (rebuilt when a new graph arrives), the
 * layout status with stop / improve, the note when only part of the graph is drawn, a legend,
 * and the drop zone for graph files.
 */
import Graph from 'graphology';
import { el } from '../dom.ts';
import { formatNumber, t } from '../i18n.ts';
import { groupsOf } from '../seeds.ts';
import type { Store } from '../store.ts';
import { buildDrawing } from '../view/drawing.ts';
import { GraphView, type Renderer } from '../view/graph-view.ts';
import type { LayoutState } from '../view/layout.ts';
import { NODE_COLOR, SEED_COLOR } from '../view/palette.ts';
import type { PositionsOrigin } from '../view/start-positions.ts';

export interface StageOptions {
  store: Store;
  onNodeClick(index: number): void;
  onDropFile(file: File): void;
}

export class Stage {
  readonly element: HTMLElement;
  /** Where on-graph controls go (playback etc.). */
  readonly overlay: HTMLElement;
  private readonly canvasBox: HTMLElement;
  private readonly note = el('p', { class: 'stage-note', 'data-testid': 'budget-note', hidden: '' });
  private readonly layoutStatus = el('span', { 'data-testid': 'layout-status', 'data-state': 'none' });
  private readonly layoutButton = el('button', {
    type: 'button',
    'data-testid': 'layout-toggle',
    hidden: '',
  });
  private view: GraphView | null = null;
  /** One sigma renderer for every graph of the page (see GraphView: dropping it is slow). */
  private renderer: Renderer | null = null;
  private readonly legend: HTMLElement;
  /** Counts graph changes: a drawing still being built for an older graph is dropped. */
  private builds = 0;
  private readonly listeners = new Set<(view: GraphView | null) => void>();

  constructor(private readonly options: StageOptions) {
    const { store } = options;
    this.canvasBox = el('div', { class: 'sigma-box', 'data-testid': 'graph-canvas' });
    this.overlay = el('div', { class: 'stage-overlay' });
    const legend = el(
      'ul',
      { class: 'legend' },
      el('li', {}, el('span', { class: 'swatch', style: `background:${SEED_COLOR}` }), t('view.legend.seed')),
      el(
        'li',
        {},
        el('span', { class: 'swatch', style: `background:${NODE_COLOR}` }),
        t('view.legend.account'),
      ),
      el(
        'li',
        { class: 'heat-legend', hidden: '' },
        el('span', { class: 'swatch heat' }),
        t('view.legend.heat'),
      ),
    );
    this.element = el(
      'section',
      { class: 'stage', 'aria-label': t('view.label', { name: '' }) },
      this.canvasBox,
      el(
        'div',
        { class: 'stage-top' },
        el('p', { class: 'layout' }, this.layoutStatus, ' ', this.layoutButton),
        this.note,
      ),
      legend,
      this.overlay,
    );
    this.layoutButton.addEventListener('click', () => {
      if (!this.view) return;
      if (this.view.layoutRunning) this.view.stopLayout();
      else this.view.startLayout();
    });
    this.element.addEventListener('dragover', (e) => {
      e.preventDefault();
      this.element.classList.add('dragging');
    });
    this.element.addEventListener('dragleave', () => this.element.classList.remove('dragging'));
    this.element.addEventListener('drop', (e) => {
      e.preventDefault();
      this.element.classList.remove('dragging');
      const file = e.dataTransfer?.files?.[0];
      if (file) options.onDropFile(file);
    });

    store.select(
      (s) => s.graph,
      () => void this.rebuild(),
    );
    store.select(
      (s) => s.scenario.seeds,
      () => this.showSeeds(),
    );
    this.legend = legend;
    store.select(
      (s) => s.result,
      () => this.showHeat(),
    );
  }

  /** Colour the drawn nodes by the last result's reach, when it belongs to this graph. */
  private showHeat(): void {
    const { graph, result } = this.options.store.get();
    const counts = result && graph && result.graphSerial === graph.serial ? result.shard.nodeCounts : null;
    this.view?.setHeat(counts, result?.shard.runCount ?? 0);
    this.legend.querySelector<HTMLElement>('.heat-legend')?.toggleAttribute('hidden', !counts);
  }

  current(): GraphView | null {
    return this.view;
  }

  onView(listener: (view: GraphView | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Show the store's graph: the old view goes at once, the new one comes when its drawing is
   * built (in slices, see buildDrawing); a newer graph arriving meanwhile wins.
   */
  private async rebuild(): Promise<void> {
    const graph = this.options.store.get().graph;
    const build = ++this.builds;
    this.view?.kill();
    this.view = null;
    for (const l of this.listeners) l(null);
    // The old picture goes at once: no clicks on accounts of the old graph while the new one is
    // built, and the renderer's next settings change has nothing to re-index.
    this.renderer?.setGraph(new Graph());
    if (!graph) return;
    this.element.setAttribute('aria-label', t('view.label', { name: graph.name }));
    this.element.dataset.drawing = 'building';
    const drawing = await buildDrawing(graph, () => build !== this.builds);
    if (!drawing || build !== this.builds) return;
    delete this.element.dataset.drawing;
    try {
      this.view = new GraphView(
        this.canvasBox,
        graph,
        {
          onNodeClick: (i) => this.options.onNodeClick(i),
          onLayout: (state, seconds) => this.showLayout(state, seconds),
        },
        drawing,
        this.renderer,
      );
    } catch (error) {
      // No WebGL (turned off, blocked, or no GPU and no software fallback): no picture, but
      // the graph, the simulations and every panel still work. Say so once, in the stage.
      console.warn('Ripple cannot draw the graph:', error);
      this.canvasBox.replaceChildren();
      this.element.dataset.drawing = 'unavailable';
      this.layoutStatus.dataset.state = 'none';
      this.layoutStatus.textContent = '';
      this.layoutButton.hidden = true;
      this.note.hidden = false;
      this.note.textContent = t('view.unavailable');
      return;
    }
    this.renderer = this.view.sigma;
    const v = this.view;
    this.note.hidden = !v.cut;
    this.note.textContent = v.cut
      ? t('view.budget', {
          shown: formatNumber(v.drawn.length),
          total: formatNumber(graph.loaded.csr.n),
          edges: formatNumber(v.drawnEdges),
        })
      : '';
    this.showSeeds();
    this.showHeat();
    for (const l of this.listeners) l(v);
  }

  private showLayout(state: LayoutState | PositionsOrigin, seconds: number): void {
    this.layoutStatus.dataset.state = state;
    this.layoutStatus.textContent =
      state === 'running'
        ? t('layout.running', { seconds })
        : state === 'file'
          ? t('layout.fromFile')
          : state === 'cached'
            ? t('layout.cached')
            : state === 'bundled'
              ? t('layout.bundled')
              : t('layout.done');
    this.layoutButton.hidden = state === 'file';
    this.layoutButton.textContent = state === 'running' ? t('layout.stop') : t('layout.resume');
  }

  private showSeeds(): void {
    const { graph, scenario } = this.options.store.get();
    if (!this.view || !graph) return;
    const seeds = new Map<number, number>();
    groupsOf(scenario.seeds).forEach((g, gi) => {
      for (const id of g.ids) {
        const v = graph.index.get(id);
        if (v !== undefined && !seeds.has(v)) seeds.set(v, gi);
      }
    });
    this.view.setSeeds(seeds);
  }
}
