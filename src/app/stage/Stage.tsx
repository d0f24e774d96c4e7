/**
 * The graph stage: the sigma canvas (StageController keeps it in step with the store), the layout
 * status with stop / improve, the note when only part of the graph is drawn, the legend, a card
 * for the account under the pointer, "fit to reached", and a bar below the canvas for on-graph
 * controls (playback), which therefore never covers a node. Drop a graph file anywhere on it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../core/context.ts';
import { percent } from '../i18n/format.ts';
import { groupsOf } from '../seeds/seeds.ts';
import { StageController } from './controller.ts';
import { fitClear } from './fit.ts';
import { legendEntries } from './legend.ts';
import { t } from './messages.ts';

export interface StageProps {
  onNodeClick(index: number): void;
  onDropFile(file: File): void;
  /** Controls shown in the bar under the canvas. */
  bar?: ComponentChildren;
}

export function Stage({ onNodeClick, onDropFile, bar }: StageProps) {
  const app = useApp();
  const { store, view } = app;
  const box = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<StageController | null>(null);
  const [dragging, setDragging] = useState(false);
  const click = useRef(onNodeClick);
  click.current = onNodeClick;

  useEffect(() => {
    const c = new StageController(box.current as HTMLDivElement, store, view, (i) => click.current(i));
    setController(c);
    return () => c.dispose();
  }, []);

  const graph = store.graph.value;
  const drawing = controller?.drawing.value ?? 'none';
  const layout = controller?.layout.value ?? { state: 'none', seconds: 0 };
  const cut = controller?.cut.value ?? null;
  const current = view.value;
  const layoutText =
    layout.state === 'running'
      ? t('layout.running', { seconds: layout.seconds })
      : layout.state === 'file'
        ? t('layout.fromFile')
        : layout.state === 'cached'
          ? t('layout.cached')
          : layout.state === 'bundled'
            ? t('layout.bundled')
            : layout.state === 'stopped'
              ? t('layout.done')
              : '';
  const result = store.currentResult.value;
  const reached = result?.shard.nodeCounts ?? null;
  const replayed = store.replaying.value ? store.trace.value : null;

  // While a cascade is replayed, its accounts; else every account the result reached.
  const fitReached = () => {
    const v = view.value;
    if (!v) return;
    if (replayed) {
      fitClear(v, replayed.nodes);
      return;
    }
    if (!reached) return;
    const nodes: number[] = [];
    for (const i of v.drawn) if (reached[i] > 0) nodes.push(i);
    fitClear(v, nodes);
  };

  return (
    <section
      class={`stage${dragging ? ' dragging' : ''}`}
      aria-label={t('view.label', { name: graph?.name ?? '' })}
      data-drawing={drawing === 'building' || drawing === 'unavailable' ? drawing : undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files?.[0];
        if (file) onDropFile(file);
      }}
    >
      <div class="stage-canvas">
        <div class="sigma-box" data-testid="graph-canvas" ref={box} />
        <div class="stage-top">
          <p class="layout" data-over-canvas>
            <span data-testid="layout-status" data-state={layout.state}>
              {layoutText}
            </span>{' '}
            <button
              type="button"
              data-testid="layout-toggle"
              hidden={layout.state === 'none' || layout.state === 'file' || drawing !== 'ready'}
              onClick={() => {
                if (!current) return;
                if (current.layoutRunning) current.stopLayout();
                else current.startLayout();
              }}
            >
              {layout.state === 'running' ? t('layout.stop') : t('layout.resume')}
            </button>
          </p>
          <p
            class="stage-note"
            data-testid="budget-note"
            data-over-canvas
            hidden={!cut && drawing !== 'unavailable'}
          >
            {drawing === 'unavailable'
              ? t('view.unavailable')
              : cut
                ? t('view.budget', { shown: cut.shown, total: cut.total, edges: cut.edges })
                : ''}
          </p>
        </div>
        <div class="stage-tools" data-over-canvas>
          <button
            type="button"
            data-testid="fit-reached"
            title={replayed ? t('view.fit.replayTitle') : t('view.fit.title')}
            hidden={(!reached && !replayed) || drawing !== 'ready'}
            onClick={fitReached}
          >
            {t('view.fit')}
          </button>
          <button
            type="button"
            data-testid="fit-all"
            hidden={drawing !== 'ready'}
            onClick={() => void view.value?.sigma.getCamera().animatedReset({ duration: 300 })}
          >
            {t('view.fitAll')}
          </button>
        </div>
        <Legend />
        <HoverCard />
        <p class="loading" data-testid="load-status" role="status">
          {store.load.value.state === 'loading' && store.load.value.name
            ? t('view.loadingName', { name: store.load.value.name })
            : ''}
        </p>
      </div>
      {bar ? <div class="stage-bar">{bar}</div> : null}
    </section>
  );
}

function Legend() {
  const { store } = useApp();
  const entries = legendEntries(store);
  return (
    <ul class="legend" data-testid="legend" data-over-canvas aria-label={t('view.legend.title')}>
      {entries.map((e, i) => (
        <li key={i}>
          <span class="swatch" style={{ background: e.swatch }} />
          {e.label()}
        </li>
      ))}
    </ul>
  );
}

/** What the account under the pointer is: its name, its ties, how often the last result reached it. */
function HoverCard() {
  const { store, view } = useApp();
  const i = store.hover.value;
  const graph = store.graph.value;
  const v = view.value;
  if (i === null || !graph || !v) return null;
  const display = v.sigma.getNodeDisplayData(String(i));
  if (!display) return null;
  const at = v.sigma.framedGraphToViewport(display);
  const id = graph.loaded.ids[i];
  const label = graph.loaded.labels?.[i];
  const { outDegree, inDegree } = graph.facts;
  const result = store.currentResult.value;
  const counts = result?.shard.nodeCounts;
  const group = groupsOf(store.scenario.value.seeds).findIndex((g) => g.ids.includes(id));
  const directed = graph.loaded.csr.directed;
  return (
    <div
      class="hover-card"
      data-testid="hover-card"
      style={{ left: `${at.x + 12}px`, top: `${at.y + 12}px` }}
    >
      <strong>{label ?? id}</strong>
      {label !== undefined && label !== id ? <div class="hint">{t('view.hover.id', { id })}</div> : null}
      {directed ? (
        <>
          <div>{t('view.hover.audience', { n: outDegree[i] })}</div>
          <div>{t('view.hover.sources', { n: inDegree[i] })}</div>
        </>
      ) : (
        <div>{t('view.hover.ties', { n: outDegree[i] })}</div>
      )}
      {group >= 0 ? <div>{t('view.hover.seed', { index: group + 1 })}</div> : null}
      {counts && result ? (
        <div data-testid="hover-reached">
          {t('view.hover.reached', { share: percent(counts[i] / result.shard.runCount) })}
        </div>
      ) : null}
    </div>
  );
}
