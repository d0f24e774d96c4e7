/**
 * The classroom stage: its own sigma renderer over its own small graph (the user's view of their
 * graph is left alone), pushed by effects on the classroom's signals. People take the colour of
 * their state at the step shown; the hand-offs of that step are drawn as pulses travelling along
 * their ties, sharer to new adopter, on a 2D canvas above sigma (then stay highlighted).
 * Pointer tools: in play, a click makes a person a seed (or not); in draw, a click on empty stage
 * adds a person and a drag from one person to another adds (or removes) their tie; in erase, a
 * click removes a person or a tie. The camera never moves: the whole network is always in view.
 */
import { effect } from '@preact/signals';
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeRectangleProgram } from 'sigma/rendering';
import type { Coordinates } from 'sigma/types';
import { HANDOFF_COLOR, PAST_HANDOFF_COLOR, STATE_COLORS, TIE_COLOR } from './colors.ts';
import { drawPerson, drawTie, erasePerson, toggleSeed } from './model.ts';
import { nameOf } from './network.ts';
import { cascade, classroom, projector, step, tool } from './state.ts';
import { stateAt } from './steps.ts';

const PULSE_MS = 900;
/** Graph units always in the frame, so a person added at the edge does not move the others. */
const FRAME = 115;
/** A press that moves less than this (pixels) is a click. */
const CLICK_PX = 6;

type Attrs = { x: number; y: number; size: number; label: string; color: string };

/** Drawn radius of a person (pixels): large while few. */
const sizeFor = (n: number) => (n <= 40 ? 11 : n <= 80 ? 8 : n <= 150 ? 6 : 4);

const edgeKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

export class ClassroomView {
  readonly sigma: Sigma;
  private readonly graph = new Graph<Attrs>({ type: 'undirected' });
  private readonly stops: (() => void)[] = [];
  /** Step of the hand-off along each tie (by edge key), in the cascade shown. */
  private handoffStep = new Map<string, number>();
  private frame = 0;
  private press: { x: number; y: number; node: number | null } | null = null;
  private pointer: Coordinates | null = null;
  private readonly resize: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    private readonly canvas: HTMLCanvasElement,
  ) {
    this.sigma = new Sigma(this.graph as unknown as Graph, container, {
      enableCameraZooming: false,
      enableCameraPanning: false,
      enableCameraRotation: false,
      zIndex: true,
      labelRenderedSizeThreshold: 0,
      labelSize: 14,
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeRectangleProgram },
      stagePadding: 24,
      // The stage may be 0 high for a frame while the page lays out (the observer then resizes).
      allowInvalidContainer: true,
      nodeReducer: (key, data) => this.reduceNode(Number(key), data as unknown as Attrs),
      edgeReducer: (key, data) => this.reduceEdge(key, data),
    });
    this.stops.push(
      effect(() => {
        const network = classroom.value.network;
        const drawing = tool.value !== 'play';
        this.rebuild(network, drawing);
      }),
      effect(() => {
        const c = cascade.value;
        const s = step.value;
        void classroom.value.seeds;
        this.show(c, s);
      }),
      effect(() => {
        const big = projector.value;
        this.sigma.setSetting('labelSize', big ? 22 : 14);
        this.sigma.setSetting('labelWeight', big ? 'bold' : 'normal');
      }),
      effect(() => {
        container.dataset.tool = tool.value;
      }),
    );
    this.resize = new ResizeObserver(() => this.fitCanvas());
    this.resize.observe(container);
    container.addEventListener('pointerdown', this.onDown);
    container.addEventListener('pointermove', this.onMove);
    container.addEventListener('pointerup', this.onUp);
    container.addEventListener('pointerleave', this.onLeave);
  }

  kill(): void {
    cancelAnimationFrame(this.frame);
    for (const stop of this.stops) stop();
    this.resize.disconnect();
    this.container.removeEventListener('pointerdown', this.onDown);
    this.container.removeEventListener('pointermove', this.onMove);
    this.container.removeEventListener('pointerup', this.onUp);
    this.container.removeEventListener('pointerleave', this.onLeave);
    this.sigma.kill();
  }

  /** Where person i is drawn, in pixels from the stage's top left (null when not drawn). */
  screenOf(i: number): { x: number; y: number; size: number } | null {
    const d = this.sigma.getNodeDisplayData(String(i));
    if (!d) return null;
    const p = this.sigma.framedGraphToViewport(d);
    return { x: p.x, y: p.y, size: d.size };
  }

  private rebuild(network: typeof classroom.value.network, drawing: boolean): void {
    const g = this.graph;
    g.clear();
    const size = sizeFor(network.people.length);
    const named = network.people.length <= 40 || network.people.some((q) => q.label !== '');
    network.people.forEach((q, i) => {
      g.addNode(String(i), {
        x: q.x,
        y: -q.y,
        size,
        label: named ? nameOf(network, i) : '',
        color: STATE_COLORS.waiting,
      });
    });
    for (const [a, b] of network.ties) g.addEdgeWithKey(edgeKey(a, b), String(a), String(b));
    // The people's own extent, padded, so a network fills the stage; at least FRAME around the
    // middle while drawing, so a person added near the edge does not move everyone else.
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const q of network.people) {
      minX = Math.min(minX, q.x);
      maxX = Math.max(maxX, q.x);
      minY = Math.min(minY, -q.y);
      maxY = Math.max(maxY, -q.y);
    }
    if (network.people.length < 2 || drawing) {
      minX = Math.min(minX, -FRAME);
      maxX = Math.max(maxX, FRAME);
      minY = Math.min(minY, -FRAME);
      maxY = Math.max(maxY, FRAME);
    }
    const pad = 0.04 * Math.max(maxX - minX, maxY - minY);
    minX -= pad;
    maxX += pad;
    minY -= pad;
    maxY += pad;
    this.sigma.setCustomBBox({ x: [minX, maxX], y: [minY, maxY] });
    this.sigma.refresh();
  }

  private reduceNode(i: number, data: Attrs): Partial<Attrs & { zIndex: number; forceLabel: boolean }> {
    const c = cascade.peek();
    const s = step.peek();
    const state = c && i < c.n ? stateAt(c, i, s) : 'waiting';
    const seed = classroom.peek().seeds.includes(i);
    return {
      ...data,
      color: STATE_COLORS[state],
      size: seed ? data.size * 1.45 : data.size,
      zIndex: state === 'fresh' ? 3 : seed ? 2 : 1,
      forceLabel: data.label !== '',
    };
  }

  private reduceEdge(key: string, data: object): object {
    const at = this.handoffStep.get(key);
    const s = step.peek();
    if (at === undefined || at > s) return { ...data, color: TIE_COLOR, size: 1, zIndex: 0 };
    if (at === s) return { ...data, color: HANDOFF_COLOR, size: 4, zIndex: 2 };
    return { ...data, color: PAST_HANDOFF_COLOR, size: 2, zIndex: 1 };
  }

  private show(c: typeof cascade.value, s: number): void {
    this.handoffStep = new Map();
    if (c)
      c.handoffs.forEach((list, at) => {
        for (let k = 0; k < list.length; k += 2) this.handoffStep.set(edgeKey(list[k], list[k + 1]), at);
      });
    const now = c && s <= c.lastStep ? c.handoffs[s] : new Int32Array(0);
    const pairs: string[] = [];
    for (let k = 0; k < now.length; k += 2) pairs.push(`${now[k]}>${now[k + 1]}`);
    this.canvas.dataset.step = String(s);
    this.canvas.dataset.handoffs = pairs.join(' ');
    this.sigma.refresh({ skipIndexation: true });
    this.animate(now);
  }

  private fitCanvas(): void {
    const r = this.container.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(r.width * ratio));
    this.canvas.height = Math.max(1, Math.round(r.height * ratio));
    this.canvas.style.width = `${r.width}px`;
    this.canvas.style.height = `${r.height}px`;
    this.sigma.resize();
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Pulses along the step's hand-offs: a dot with a bright tail from the sharer to the adopter. */
  private animate(handoffs: Int32Array): void {
    cancelAnimationFrame(this.frame);
    const started = performance.now();
    const tick = (now: number) => {
      const f = Math.min(1, (now - started) / PULSE_MS);
      this.paint(handoffs, f < 1 ? f : null);
      if (f < 1) this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private paint(handoffs: Int32Array, f: number | null): void {
    const g = this.canvas.getContext('2d');
    if (!g) return;
    const ratio = window.devicePixelRatio || 1;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (f !== null) {
      const e = 1 - (1 - f) * (1 - f);
      g.lineCap = 'round';
      for (let k = 0; k < handoffs.length; k += 2) {
        const a = this.screenOf(handoffs[k]);
        const b = this.screenOf(handoffs[k + 1]);
        if (!a || !b) continue;
        const x = a.x + (b.x - a.x) * e;
        const y = a.y + (b.y - a.y) * e;
        g.strokeStyle = 'rgba(213, 94, 0, 0.55)';
        g.lineWidth = 6;
        g.beginPath();
        g.moveTo(a.x, a.y);
        g.lineTo(x, y);
        g.stroke();
        g.fillStyle = HANDOFF_COLOR;
        g.beginPath();
        g.arc(x, y, 7, 0, 2 * Math.PI);
        g.fill();
      }
    }
    // The tie being drawn.
    if (this.press?.node != null && this.pointer && tool.peek() === 'draw') {
      const a = this.screenOf(this.press.node);
      if (a) {
        g.strokeStyle = '#333';
        g.lineWidth = 2;
        g.setLineDash([6, 4]);
        g.beginPath();
        g.moveTo(a.x, a.y);
        g.lineTo(this.pointer.x, this.pointer.y);
        g.stroke();
        g.setLineDash([]);
      }
    }
  }

  private local(e: PointerEvent): Coordinates {
    const r = this.container.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  /** The person under a point (nearest within their drawn radius, at least 10 px), or null. */
  private personAt(p: Coordinates): number | null {
    let best: number | null = null;
    let bestD = Infinity;
    for (let i = 0; i < this.graph.order; i++) {
      const at = this.screenOf(i);
      if (!at) continue;
      const d = Math.hypot(at.x - p.x, at.y - p.y);
      if (d <= Math.max(at.size, 10) && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }

  /** The tie under a point (within 6 px of the segment), or null. */
  private tieAt(p: Coordinates): [number, number] | null {
    for (const [a, b] of classroom.peek().network.ties) {
      const u = this.screenOf(a);
      const v = this.screenOf(b);
      if (!u || !v) continue;
      const dx = v.x - u.x;
      const dy = v.y - u.y;
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - u.x) * dx + (p.y - u.y) * dy) / len));
      if (Math.hypot(u.x + t * dx - p.x, u.y + t * dy - p.y) <= 6) return [a, b];
    }
    return null;
  }

  private readonly onDown = (e: PointerEvent) => {
    const p = this.local(e);
    this.press = { ...p, node: this.personAt(p) };
    this.pointer = p;
  };

  private readonly onMove = (e: PointerEvent) => {
    if (!this.press) return;
    this.pointer = this.local(e);
    if (tool.peek() === 'draw' && this.press.node !== null) this.paint(new Int32Array(0), null);
  };

  private readonly onLeave = () => {
    this.press = null;
    this.paint(new Int32Array(0), null);
  };

  private readonly onUp = (e: PointerEvent) => {
    const press = this.press;
    this.press = null;
    if (!press) return;
    const p = this.local(e);
    const moved = Math.hypot(p.x - press.x, p.y - press.y) > CLICK_PX;
    const here = this.personAt(p);
    const c = classroom.peek();
    switch (tool.peek()) {
      case 'play':
        if (!moved && press.node !== null) classroom.value = toggleSeed(c, press.node);
        break;
      case 'draw':
        if (press.node !== null && here !== null && here !== press.node)
          classroom.value = drawTie(c, press.node, here);
        else if (!moved && press.node === null) {
          const at = this.sigma.viewportToGraph(p);
          classroom.value = drawPerson(c, Math.round(at.x * 10) / 10, -Math.round(at.y * 10) / 10);
        }
        break;
      case 'erase': {
        if (moved) break;
        if (press.node !== null) classroom.value = erasePerson(c, press.node);
        else {
          const tie = this.tieAt(p);
          if (tie) classroom.value = drawTie(c, tie[0], tie[1]);
        }
        break;
      }
    }
    this.paint(new Int32Array(0), null);
  };
}
