/**
 * ForceAtlas2 in its Web Worker (graphology-layout-forceatlas2/worker): progressive (sigma redraws
 * as positions arrive), stoppable, stopped by itself after a time budget, and cached per dataset.
 */
import type Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { fa2Settings } from '../../graph/draw-layout.ts';
import { putLayout } from './layout-cache.ts';

export type LayoutState = 'running' | 'stopped';

export class LayoutRunner {
  private readonly fa2: FA2Layout;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private started = 0;

  constructor(
    private readonly graph: Graph,
    private readonly cacheKey: string,
    private readonly onChange: (state: LayoutState, seconds: number) => void,
  ) {
    this.fa2 = new FA2Layout(graph, { settings: fa2Settings(graph) });
  }

  get running(): boolean {
    return this.fa2.isRunning();
  }

  /** Run for at most budgetMs, then stop and cache. */
  start(budgetMs: number): void {
    if (this.running) return;
    this.fa2.start();
    this.started = performance.now();
    this.onChange('running', 0);
    this.ticker = setInterval(
      () => this.onChange('running', Math.round((performance.now() - this.started) / 1000)),
      1000,
    );
    this.timer = setTimeout(() => this.stop(), budgetMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.ticker) clearInterval(this.ticker);
    this.timer = this.ticker = null;
    if (!this.running) return;
    this.fa2.stop();
    void putLayout(this.cacheKey, readPositions(this.graph));
    this.onChange('stopped', Math.round((performance.now() - this.started) / 1000));
  }

  kill(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.ticker) clearInterval(this.ticker);
    this.fa2.kill();
  }
}

/** x,y of every node in the graph's node order. */
export function readPositions(graph: Graph): Float32Array {
  const out = new Float32Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_, a) => {
    out[i++] = a.x;
    out[i++] = a.y;
  });
  return out;
}

/** A layout time budget growing with the graph: a few seconds for thousands of nodes. */
export function layoutBudgetMs(order: number): number {
  return Math.min(15_000, 1500 + order);
}
