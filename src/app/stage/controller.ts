/**
 * The imperative side of the graph stage: the sigma view of the store's graph (rebuilt when a
 * new graph arrives, its drawing built in slices first), the seeds, the reach heat map and the
 * hover highlight pushed into it as the store changes. State the stage shows (layout progress,
 * whether only part of the graph is drawn, whether it can be drawn at all) is in signals here.
 */

import type { Signal } from '@preact/signals';
import { effect, signal, untracked } from '@preact/signals';
import Graph from 'graphology';
import { nextTask } from '../../util/next-task.ts';
import { groupsOf } from '../seeds/seeds.ts';
import type { Store } from '../state/store.ts';
import { buildDrawing } from '../view/drawing.ts';
import { GraphView, type Renderer } from '../view/graph-view.ts';
import type { LayoutState } from '../view/layout.ts';
import type { PositionsOrigin } from '../view/start-positions.ts';

export type DrawingState = 'none' | 'building' | 'ready' | 'unavailable';

const DIM = '#e4e8ec';

export class StageController {
  readonly drawing = signal<DrawingState>('none');
  readonly layout = signal<{ state: LayoutState | PositionsOrigin | 'none'; seconds: number }>({
    state: 'none',
    seconds: 0,
  });
  /** When only part of the graph is drawn: how much. */
  readonly cut = signal<{ shown: number; total: number; edges: number } | null>(null);
  private renderer: Renderer | null = null;
  private builds = 0;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly store: Store,
    private readonly view: Signal<GraphView | null>,
    private readonly onNodeClick: (index: number) => void,
  ) {
    this.stops.push(
      effect(() => {
        const graph = store.graph.value;
        untracked(() => void this.rebuild(graph));
      }),
      effect(() => {
        const seeds = store.scenario.value.seeds;
        const v = view.value;
        untracked(() => this.showSeeds(seeds, v));
      }),
      effect(() => {
        const v = view.value;
        const result = store.currentResult.value;
        // In a task of its own: a new result also re-renders the panels.
        nextTask(() => {
          if (this.view.peek() === v)
            v?.setHeat(result?.shard.nodeCounts ?? null, result?.shard.runCount ?? 0);
        });
      }),
      effect(() => {
        const v = view.value;
        const hovered = store.hover.value;
        untracked(() => this.showHover(v, hovered));
      }),
    );
  }

  dispose(): void {
    for (const stop of this.stops) stop();
    this.view.value?.kill();
    this.view.value = null;
  }

  private async rebuild(graph: Store['graph']['value']): Promise<void> {
    const build = ++this.builds;
    this.view.peek()?.kill();
    this.view.value = null;
    this.store.hover.value = null;
    this.cut.value = null;
    // The old picture goes at once: no clicks on accounts of the old graph while the new one is
    // built, and the renderer's next settings change has nothing to re-index.
    this.renderer?.setGraph(new Graph());
    if (!graph) {
      this.drawing.value = 'none';
      return;
    }
    this.drawing.value = 'building';
    const drawing = await buildDrawing(graph, () => build !== this.builds);
    if (!drawing || build !== this.builds) return;
    let view: GraphView;
    try {
      view = new GraphView(
        this.container,
        graph,
        {
          onNodeClick: (i) => this.onNodeClick(i),
          onHover: (i) => {
            this.store.hover.value = i;
          },
          onLayout: (state, seconds) => {
            this.layout.value = { state, seconds };
          },
        },
        drawing,
        this.renderer,
      );
    } catch (error) {
      // No WebGL (turned off, blocked, or no GPU and no software fallback): no picture, but
      // the graph, the simulations and every panel still work. Say so once, in the stage.
      console.warn('Ripple cannot draw the graph:', error);
      this.container.replaceChildren();
      this.layout.value = { state: 'none', seconds: 0 };
      this.drawing.value = 'unavailable';
      return;
    }
    this.renderer = view.sigma;
    this.cut.value = view.cut
      ? { shown: view.drawn.length, total: graph.loaded.csr.n, edges: view.drawnEdges }
      : null;
    this.drawing.value = 'ready';
    this.view.value = view;
  }

  private showSeeds(seeds: Store['scenario']['value']['seeds'], view: GraphView | null): void {
    const graph = this.store.graph.peek();
    if (!view || !graph) return;
    const byNode = new Map<number, number>();
    groupsOf(seeds).forEach((g, gi) => {
      for (const id of g.ids) {
        const v = graph.index.get(id);
        if (v !== undefined && !byNode.has(v)) byNode.set(v, gi);
      }
    });
    view.setSeeds(byNode);
  }

  /** Hovering an account dims every account that is not it or a neighbour. */
  private showHover(view: GraphView | null, hovered: number | null): void {
    if (!view) return;
    const graph = this.store.graph.peek();
    if (hovered === null || !graph) {
      view.setLayer('hover', null);
      return;
    }
    const { outOffsets, outTargets, inOffsets, inSources } = graph.loaded.csr;
    const near = new Set<number>([hovered]);
    for (let a = outOffsets[hovered]; a < outOffsets[hovered + 1]; a++) near.add(outTargets[a]);
    for (let a = inOffsets[hovered]; a < inOffsets[hovered + 1]; a++) near.add(inSources[a]);
    view.setLayer('hover', (i) =>
      near.has(i) ? { forceLabel: i === hovered || near.size <= 30, zIndex: 1 } : { color: DIM, label: '' },
    );
  }
}
