/**
 * Playback of one sampled cascade on sigma: play, pause, step, speed, scrub, colour by hop or
 * step, seeds highlighted, and the edges along which activation passed emphasised.
 *
 * Animation state lives in the typed arrays of PlaybackState (state.ts) plus one number, the
 * current time, kept in a signal with the other settings the controls show (playing, speed,
 * colouring). The view's node overlay (GraphView.setOverlay) and an edge reducer composed on top
 * of the view's read them; the view's reducer is put back on destroy. A requestAnimationFrame
 * loop advances the time and, when the displayed step changes, refreshes only the nodes and edges
 * that changed (`refresh({ partialGraph, skipIndexation: true })`: no sizes or positions change
 * per frame).
 *
 * The edge-program trick: above THIN_EDGES_ABOVE edges the view draws edges with 1-pixel GL lines,
 * which have no width. The cascade's edges are asked for the wide program (EDGE_TYPE_WIDE) at
 * every step, active or not: installing the edge reducer re-indexes the edges once, and a partial
 * refresh (each step) can then change their colour and size, which it could not do if it had to
 * move an edge from one of sigma's edge programs to another.
 *
 * Keyboard (on `keyboardTarget`, default the document, ignored while typing in a field):
 * Space play/pause, ←/→ one step, Home/End start/end.
 */
import { computed, type Signal, signal } from '@preact/signals';
import type { Attributes } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Trace } from '../../diffusion/types.ts';
import type { Csr } from '../../graph/types.ts';
import { EDGE_TYPE_WIDE, type NodeOverlay, type Renderer } from '../view/graph-view.ts';
import { DIM_EDGE_COLOR, EXPOSED_COLOR, INACTIVE_COLOR, levelColor, SEED_COLOR } from './palette.ts';
import {
  activeCountAt,
  buildPlaybackState,
  changedBetween,
  exposedCountAt,
  isActiveAt,
  isExposedAt,
  type PlaybackState,
  stepAt,
} from './state.ts';

export type ColorBy = 'hop' | 'step';

/** Steps per second offered by the speed control. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;

export interface PlaybackOptions {
  sigma: Renderer;
  /** The view's node overlay hook (GraphView.setOverlay): node looks go through it. */
  setNodeOverlay: (overlay: NodeOverlay | null) => void;
  trace: Trace;
  /** Nodes in the simulated graph (the CSR's n; the rendered graph may hold fewer). */
  n: number;
  /** The CSR the cascade ran on: gives exposure steps of non-adopters. */
  csr?: Csr | null;
  /** Colour of the seed `v` (by its launch group); default the seed colour. */
  seedColor?: (v: number) => string;
  keyboardTarget?: Document | HTMLElement;
  /** Initial speed in steps per second (default 2) and colouring (default hop). */
  speed?: number;
  colorBy?: ColorBy;
}

type EdgeReducer = (edge: string, data: Attributes) => Partial<EdgeDisplayData>;

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export class Playback {
  readonly state: PlaybackState;
  readonly trace: Trace;
  /** Current time in steps (fractional while playing). */
  readonly time = signal(0);
  readonly playing = signal(false);
  /** Steps per second. */
  readonly speed: Signal<number>;
  readonly colorBy: Signal<ColorBy>;
  /** The whole step shown: what the controls display (changes once per step, not per frame). */
  readonly step = computed(() => stepAt(this.state, this.time.value));
  readonly activeCount = computed(() => activeCountAt(this.state, this.step.value));
  readonly exposedCount = computed(() => exposedCountAt(this.state, this.step.value));

  private readonly sigma: Renderer;
  private readonly keyboardTarget: Document | HTMLElement;
  private readonly previousEdge: EdgeReducer | null;
  private readonly edgeReducer: EdgeReducer;
  /** The rendered edge that carried each activation, and the child it led to. */
  private readonly traceEdgeOf = new Map<number, string>();
  private readonly childOfEdge = new Map<string, number>();
  private readonly seedColor: (v: number) => string;
  private frame = 0;
  private lastFrame = 0;
  private destroyed = false;
  private readonly onKey = (event: Event) => this.key(event as KeyboardEvent);

  constructor(private readonly options: PlaybackOptions) {
    const { trace, n } = options;
    this.sigma = options.sigma;
    this.trace = trace;
    this.state = buildPlaybackState(trace, n, options.csr ?? null);
    this.speed = signal(options.speed ?? 2);
    this.colorBy = signal<ColorBy>(options.colorBy ?? 'hop');
    this.seedColor = options.seedColor ?? (() => SEED_COLOR);
    this.keyboardTarget = options.keyboardTarget ?? document;

    const graph = this.sigma.getGraph();
    for (let i = 0; i < trace.nodes.length; i++) {
      const child = trace.nodes[i];
      const parent = trace.parents[i];
      if (parent < 0) continue;
      const a = String(parent);
      const b = String(child);
      if (!graph.hasNode(a) || !graph.hasNode(b)) continue;
      const edge = graph.edge(a, b) ?? graph.edge(b, a);
      if (edge === undefined) continue;
      this.traceEdgeOf.set(child, edge);
      this.childOfEdge.set(edge, child);
    }

    this.previousEdge = this.sigma.getSetting('edgeReducer') as EdgeReducer | null;
    const previous = this.previousEdge;
    this.edgeReducer = (key, data) => {
      const base = previous ? previous(key, data) : data;
      const child = this.childOfEdge.get(key);
      if (child === undefined) return { ...base, color: DIM_EDGE_COLOR };
      // Wide at every step (see the edge-program trick above).
      if (!isActiveAt(this.state, child, this.time.peek()))
        return { ...base, type: EDGE_TYPE_WIDE, color: DIM_EDGE_COLOR };
      return {
        ...base,
        type: EDGE_TYPE_WIDE,
        color: this.colorOf(child),
        size: Math.max(2, (base.size ?? 1) * 2.5),
        zIndex: 1,
      };
    };

    options.setNodeOverlay((v) => this.nodeLook(v));
    this.sigma.setSetting('edgeReducer', this.edgeReducer);
    this.keyboardTarget.addEventListener('keydown', this.onKey);
  }

  /** The colour of active node v under the current colouring. */
  colorOf(v: number): string {
    if (this.state.seed[v]) return this.seedColor(v);
    return this.colorBy.peek() === 'hop'
      ? levelColor(this.state.hop[v], this.state.maxHop)
      : levelColor(this.state.activeStep[v], this.state.lastStep);
  }

  /** What playback changes in the look of node v at the current time. */
  private nodeLook(v: number): Partial<NodeDisplayData> {
    if (!(v >= 0 && v < this.state.n)) return {};
    const time = this.time.peek();
    const look: Partial<NodeDisplayData> = {};
    if (isActiveAt(this.state, v, time)) look.color = this.colorOf(v);
    else if (isExposedAt(this.state, v, time)) look.color = EXPOSED_COLOR;
    else look.color = INACTIVE_COLOR;
    if (this.state.seed[v]) {
      look.forceLabel = true;
      look.highlighted = isActiveAt(this.state, v, time);
    }
    return look;
  }

  play(): void {
    if (this.playing.peek() || this.destroyed) return;
    if (this.time.peek() >= this.state.end) this.setTime(0);
    this.playing.value = true;
    this.lastFrame = performance.now();
    this.frame = requestAnimationFrame((now) => this.tick(now));
  }

  pause(): void {
    this.playing.value = false;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  toggle(): void {
    if (this.playing.peek()) this.pause();
    else this.play();
  }

  /** Move by whole steps (negative: back) and pause. */
  stepBy(delta: number): void {
    this.pause();
    const time = this.time.peek();
    this.setTime(delta >= 0 ? Math.floor(time) + delta : Math.ceil(time) + delta);
  }

  /** Go to time t (clamped to [0, end]) and pause. */
  seek(t: number): void {
    this.pause();
    this.setTime(t);
  }

  setSpeed(stepsPerSecond: number): void {
    if (!(stepsPerSecond > 0))
      throw new RangeError(`playback speed: expected steps per second > 0, got ${stepsPerSecond}`);
    this.speed.value = stepsPerSecond;
  }

  setColorBy(next: ColorBy): void {
    this.colorBy.value = next;
    // Every active node may change colour: repaint the whole timeline so far.
    this.repaint(-1, this.time.peek());
  }

  destroy(): void {
    if (this.destroyed) return;
    this.pause();
    this.destroyed = true;
    this.keyboardTarget.removeEventListener('keydown', this.onKey);
    try {
      this.options.setNodeOverlay(null);
      // Put back the view's edge reducer unless someone replaced ours meanwhile.
      if (this.sigma.getSetting('edgeReducer') === this.edgeReducer)
        this.sigma.setSetting('edgeReducer', this.previousEdge);
    } catch {
      // The view was killed under us (a new graph): nothing left to restore.
    }
  }

  private setTime(t: number): void {
    const next = Math.max(0, Math.min(this.state.end, t));
    const previous = this.time.peek();
    this.time.value = next;
    this.repaint(previous, next);
  }

  /** Repaint the nodes and edges whose look differs between the two times. */
  private repaint(from: number, to: number): void {
    if (this.destroyed) return;
    const changed = changedBetween(this.state, from, to);
    if (changed.length === 0) return;
    const graph = this.sigma.getGraph();
    const nodes: string[] = [];
    const edges: string[] = [];
    for (const v of changed) {
      const key = String(v);
      if (graph.hasNode(key)) nodes.push(key);
      const edge = this.traceEdgeOf.get(v);
      if (edge !== undefined) edges.push(edge);
    }
    try {
      this.sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true });
    } catch {
      // The view changed its graph since its last render (nodes not indexed yet): redo it all.
      this.sigma.refresh({ schedule: true });
    }
  }

  private tick(now: number): void {
    this.frame = 0;
    if (!this.playing.peek() || this.destroyed) return;
    // At most one step per frame: a slow frame or a background tab never skips steps.
    const advance = Math.min(1, ((now - this.lastFrame) / 1000) * this.speed.peek());
    this.lastFrame = now;
    this.setTime(this.time.peek() + advance);
    if (this.time.peek() >= this.state.end) {
      this.pause();
      return;
    }
    this.frame = requestAnimationFrame((t) => this.tick(t));
  }

  private key(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
    if (e.key === ' ' || e.key === 'Spacebar') {
      if (target?.tagName === 'BUTTON') return; // the button's own click handles it
      this.toggle();
    } else if (e.key === 'ArrowRight') this.stepBy(1);
    else if (e.key === 'ArrowLeft') this.stepBy(-1);
    else if (e.key === 'Home') this.seek(0);
    else if (e.key === 'End') this.seek(this.state.end);
    else return;
    e.preventDefault();
  }
}
