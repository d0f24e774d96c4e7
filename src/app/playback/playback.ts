/**
 * Playback of one sampled cascade on sigma: play, pause, step, speed, scrub, colour by hop or
 * step, seeds highlighted, and the edges along which activation passed emphasised.
 *
 * Animation state lives in the typed arrays of PlaybackState plus one number (the current time);
 * sigma's nodeReducer/edgeReducer read them, composed on top of whatever reducers the view had
 * installed (restored on destroy). A requestAnimationFrame loop advances the time and, when the
 * displayed step changes, refreshes only the nodes and edges that changed
 * (`refresh({ partialGraph, skipIndexation: true })`: no sizes or positions change per frame).
 *
 * Keyboard (on `keyboardTarget`, default the document, ignored while typing in a field):
 * Space play/pause, ←/→ one step, Home/End start/end.
 */
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Trace } from '../../diffusion/types.ts';
import type { Csr } from '../../graph/types.ts';
import { el, labelled, uid } from '../dom.ts';
import { formatNumber, t } from '../i18n.ts';
import { EDGE_TYPE_WIDE } from '../view/graph-view.ts';
import {
  DIM_EDGE_COLOR,
  EXPOSED_COLOR,
  INACTIVE_COLOR,
  legendLevels,
  levelColor,
  SEED_COLOR,
} from './palette.ts';
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

export interface PlaybackOptions<N extends Attributes = Attributes> {
  sigma: Sigma<N>;
  trace: Trace;
  /** Nodes in the simulated graph (the CSR's n; the rendered graph may hold fewer). */
  n: number;
  /** The CSR the cascade ran on: gives exposure steps of non-adopters. */
  csr?: Csr | null;
  /** Where the controls are mounted (replaced on create, emptied on destroy). */
  container: HTMLElement;
  /** Rendered graph's key of node index i (default String(i)). */
  nodeKey?: (index: number) => string;
  /** Node index of a rendered graph key (default Number(key)). */
  nodeIndex?: (key: string) => number;
  keyboardTarget?: Document | HTMLElement;
  /**
   * The view's node overlay hook (GraphView.setOverlay): when given, node looks go through it;
   * otherwise playback wraps sigma's nodeReducer (and puts it back on destroy).
   */
  setNodeOverlay?: (overlay: NodeOverlay | null) => void;
  /** Initial speed in steps per second (default 2) and colouring (default hop). */
  speed?: number;
  colorBy?: ColorBy;
}

export interface Playback {
  readonly state: PlaybackState;
  /** Current time in steps. */
  readonly time: number;
  readonly playing: boolean;
  play(): void;
  pause(): void;
  toggle(): void;
  /** Move by whole steps (negative: back) and pause. */
  step(delta: number): void;
  /** Go to time t (clamped to [0, end]). */
  seek(t: number): void;
  setSpeed(stepsPerSecond: number): void;
  setColorBy(colorBy: ColorBy): void;
  destroy(): void;
}

/** Display fields to override for node `index` (the shape of GraphView's overlay). */
export type NodeOverlay = (index: number, display: Partial<NodeDisplayData>) => Partial<NodeDisplayData>;
type NodeReducer<N> = (node: string, data: N) => Partial<NodeDisplayData>;
type EdgeReducer = (edge: string, data: Attributes) => Partial<EdgeDisplayData>;

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function createPlayback<N extends Attributes>(options: PlaybackOptions<N>): Playback {
  const { sigma, trace, n, container } = options;
  const nodeKey = options.nodeKey ?? ((i: number) => String(i));
  const nodeIndex = options.nodeIndex ?? ((key: string) => Number(key));
  const keyboardTarget = options.keyboardTarget ?? document;
  const graph = sigma.getGraph();
  const state = buildPlaybackState(trace, n, options.csr ?? null);

  let time = 0;
  let playing = false;
  let speed = options.speed ?? 2;
  let colorBy: ColorBy = options.colorBy ?? 'hop';
  let frame = 0;
  let lastFrame = 0;
  let destroyed = false;

  // The rendered edge that carried each activation, and the child it led to.
  const traceEdgeOf = new Map<number, string>();
  const childOfEdge = new Map<string, number>();
  for (let i = 0; i < trace.nodes.length; i++) {
    const child = trace.nodes[i];
    const parent = trace.parents[i];
    if (parent < 0) continue;
    const a = nodeKey(parent);
    const b = nodeKey(child);
    if (!graph.hasNode(a) || !graph.hasNode(b)) continue;
    const edge = graph.edge(a, b) ?? graph.edge(b, a);
    if (edge === undefined) continue;
    traceEdgeOf.set(child, edge);
    childOfEdge.set(edge, child);
  }

  const colorOf = (v: number): string => {
    if (state.seed[v]) return SEED_COLOR;
    return colorBy === 'hop'
      ? levelColor(state.hop[v], state.maxHop)
      : levelColor(state.activeStep[v], state.lastStep);
  };

  const previousNode = sigma.getSetting('nodeReducer') as NodeReducer<N> | null;
  const previousEdge = sigma.getSetting('edgeReducer') as EdgeReducer | null;

  /** What playback changes in the look of node v at the current time. */
  const nodeLook = (v: number): Partial<NodeDisplayData> => {
    const look: Partial<NodeDisplayData> = {};
    if (isActiveAt(state, v, time)) look.color = colorOf(v);
    else if (isExposedAt(state, v, time)) look.color = EXPOSED_COLOR;
    else look.color = INACTIVE_COLOR;
    if (state.seed[v]) {
      look.forceLabel = true;
      look.highlighted = isActiveAt(state, v, time);
    }
    return look;
  };
  const nodeReducer: NodeReducer<N> = (key, data) => {
    const base = previousNode ? previousNode(key, data) : data;
    const v = nodeIndex(key);
    if (!(v >= 0 && v < n)) return base;
    return { ...base, ...nodeLook(v) };
  };
  const edgeReducer: EdgeReducer = (key, data) => {
    const base = previousEdge ? previousEdge(key, data) : data;
    const child = childOfEdge.get(key);
    if (child === undefined) return { ...base, color: DIM_EDGE_COLOR };
    // The cascade's edges are drawn by the wide program at every step, active or not: a partial
    // refresh (each step) cannot move an edge from one of sigma's edge programs to another.
    if (!isActiveAt(state, child, time)) return { ...base, type: EDGE_TYPE_WIDE, color: DIM_EDGE_COLOR };
    return {
      ...base,
      type: EDGE_TYPE_WIDE,
      color: colorOf(child),
      size: Math.max(2, (base.size ?? 1) * 2.5),
      zIndex: 1,
    };
  };

  // Controls ------------------------------------------------------------------------------
  const back = el(
    'button',
    { type: 'button', 'data-testid': 'playback-back', 'aria-label': t('playback.backLabel') },
    t('playback.back'),
  );
  const playButton = el('button', { type: 'button', 'data-testid': 'playback-play' }, t('playback.play'));
  const forward = el(
    'button',
    { type: 'button', 'data-testid': 'playback-forward', 'aria-label': t('playback.forwardLabel') },
    t('playback.forward'),
  );
  const speedSelect = el('select', { 'data-testid': 'playback-speed', id: uid('playback-speed') });
  const speeds: number[] = [...SPEEDS];
  if (!speeds.includes(speed)) speeds.push(speed);
  for (const s of speeds.sort((a, b) => a - b)) {
    speedSelect.append(
      el('option', { value: String(s) }, t('playback.speedValue', { speed: formatNumber(s, s % 1 ? 1 : 0) })),
    );
  }
  speedSelect.value = String(speed);
  const colorSelect = el(
    'select',
    { 'data-testid': 'playback-color', id: uid('playback-color') },
    el('option', { value: 'hop' }, t('playback.colorBy.hop')),
    el('option', { value: 'step' }, t('playback.colorBy.step')),
  );
  colorSelect.value = colorBy;
  const scrub = el('input', {
    type: 'range',
    min: '0',
    max: String(state.end),
    step: '1',
    value: '0',
    id: uid('playback-scrub'),
    'data-testid': 'playback-scrub',
  });
  const stepText = el('span', { 'data-testid': 'playback-step' });
  const activeText = el('span', { 'data-testid': 'playback-active' });
  const exposedText = el('span', { 'data-testid': 'playback-exposed' });
  const status = el('p', { class: 'playback-status' }, stepText, ' · ', activeText, ' · ', exposedText);
  const legend = el('ul', { 'data-testid': 'playback-legend', class: 'playback-legend' });
  const root = el(
    'section',
    { 'data-testid': 'playback', class: 'playback', 'aria-label': t('playback.label') },
    el('h3', {}, t('playback.title', { run: trace.run })),
    el('div', { class: 'playback-buttons' }, back, playButton, forward),
    labelled(t('playback.time'), scrub),
    status,
    el(
      'div',
      { class: 'playback-options' },
      labelled(t('playback.speed'), speedSelect),
      labelled(t('playback.colorBy'), colorSelect),
    ),
    legend,
    el('p', { class: 'playback-keys hint' }, t('playback.keys')),
  );

  function renderLegend(): void {
    const max = colorBy === 'hop' ? state.maxHop : state.lastStep;
    const items = [el('li', {}, swatch(SEED_COLOR), t('playback.legend.seed'))];
    // Level 0 holds only seeds (drawn in the seed colour), so the scale starts at 1.
    for (const { level, color } of max >= 1 ? legendLevels(max, 7, 1) : []) {
      items.push(
        el(
          'li',
          {},
          swatch(color),
          t(colorBy === 'hop' ? 'playback.legend.hop' : 'playback.legend.step', { level }),
        ),
      );
    }
    items.push(el('li', {}, swatch(EXPOSED_COLOR), t('playback.legend.exposed')));
    items.push(el('li', {}, swatch(INACTIVE_COLOR), t('playback.legend.inactive')));
    legend.replaceChildren(...items);
  }

  function renderControls(): void {
    const step = stepAt(state, time);
    stepText.textContent = t('playback.step', { step, end: state.end });
    activeText.textContent = t('playback.active', { count: formatNumber(activeCountAt(state, time)) });
    exposedText.textContent = t('playback.exposed', { count: formatNumber(exposedCountAt(state, time)) });
    scrub.value = String(step);
    scrub.setAttribute('aria-valuetext', t('playback.step', { step, end: state.end }));
    playButton.textContent = playing ? t('playback.pause') : t('playback.play');
    root.dataset.time = String(step);
    root.dataset.active = String(activeCountAt(state, time));
    root.dataset.playing = String(playing);
  }

  /** Repaint the nodes and edges whose look differs between the two times. */
  function repaint(from: number, to: number): void {
    const changed = changedBetween(state, from, to);
    if (changed.length === 0) return;
    const nodes: string[] = [];
    const edges: string[] = [];
    for (const v of changed) {
      const key = nodeKey(v);
      if (graph.hasNode(key)) nodes.push(key);
      const edge = traceEdgeOf.get(v);
      if (edge !== undefined) edges.push(edge);
    }
    try {
      sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true });
    } catch {
      // The view changed its graph since its last render (nodes not indexed yet): redo it all.
      sigma.refresh({ schedule: true });
    }
  }

  function setTime(t: number): void {
    const next = Math.max(0, Math.min(state.end, t));
    const previous = time;
    time = next;
    repaint(previous, next);
    renderControls();
  }

  function tick(now: number): void {
    frame = 0;
    if (!playing || destroyed) return;
    // At most one step per frame: a slow frame or a background tab never skips steps.
    const advance = Math.min(1, ((now - lastFrame) / 1000) * speed);
    lastFrame = now;
    setTime(time + advance);
    if (time >= state.end) {
      pause();
      return;
    }
    frame = requestAnimationFrame(tick);
  }

  function play(): void {
    if (playing || destroyed) return;
    if (time >= state.end) setTime(0);
    playing = true;
    lastFrame = performance.now();
    frame = requestAnimationFrame(tick);
    renderControls();
  }

  function pause(): void {
    playing = false;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (!destroyed) renderControls();
  }

  function stepBy(delta: number): void {
    pause();
    const whole = delta >= 0 ? Math.floor(time) + delta : Math.ceil(time) + delta;
    setTime(whole);
  }

  function onKey(event: Event): void {
    const e = event as KeyboardEvent;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
    if (e.key === ' ' || e.key === 'Spacebar') {
      if (target?.tagName === 'BUTTON') return; // the button's own click handles it
      toggle();
    } else if (e.key === 'ArrowRight') stepBy(1);
    else if (e.key === 'ArrowLeft') stepBy(-1);
    else if (e.key === 'Home') {
      pause();
      setTime(0);
    } else if (e.key === 'End') {
      pause();
      setTime(state.end);
    } else return;
    e.preventDefault();
  }

  function toggle(): void {
    if (playing) pause();
    else play();
  }

  back.addEventListener('click', () => stepBy(-1));
  forward.addEventListener('click', () => stepBy(1));
  playButton.addEventListener('click', toggle);
  const onScrub = () => {
    const target = Number(scrub.value); // read before pause() redraws the controls
    pause();
    setTime(target);
  };
  scrub.addEventListener('input', onScrub);
  scrub.addEventListener('change', onScrub);
  speedSelect.addEventListener('change', () => {
    speed = Number(speedSelect.value);
  });
  colorSelect.addEventListener('change', () => setColorBy(colorSelect.value as ColorBy));
  keyboardTarget.addEventListener('keydown', onKey);

  function setColorBy(next: ColorBy): void {
    colorBy = next;
    colorSelect.value = next;
    renderLegend();
    // Every active node may change colour: repaint the whole timeline so far.
    repaint(-1, time);
  }

  if (options.setNodeOverlay) options.setNodeOverlay((v) => nodeLook(v));
  else sigma.setSetting('nodeReducer', nodeReducer);
  sigma.setSetting('edgeReducer', edgeReducer);
  container.replaceChildren(root);
  renderLegend();
  renderControls();

  return {
    state,
    get time() {
      return time;
    },
    get playing() {
      return playing;
    },
    play,
    pause,
    toggle,
    step: stepBy,
    seek(t: number) {
      pause();
      setTime(t);
    },
    setSpeed(stepsPerSecond: number) {
      if (!(stepsPerSecond > 0))
        throw new RangeError(`playback speed: expected steps per second > 0, got ${stepsPerSecond}`);
      speed = stepsPerSecond;
      speedSelect.value = String(stepsPerSecond);
    },
    setColorBy,
    destroy() {
      if (destroyed) return;
      pause();
      destroyed = true;
      keyboardTarget.removeEventListener('keydown', onKey);
      // Put back the view's reducers unless someone replaced ours meanwhile.
      if (options.setNodeOverlay) options.setNodeOverlay(null);
      else if (sigma.getSetting('nodeReducer') === nodeReducer) sigma.setSetting('nodeReducer', previousNode);
      if (sigma.getSetting('edgeReducer') === edgeReducer) sigma.setSetting('edgeReducer', previousEdge);
      root.remove();
    },
  };
}

function swatch(color: string): HTMLElement {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.backgroundColor = color;
  return s;
}
