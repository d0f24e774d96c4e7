/**
 * The graph on screen: the drawing (a graphology graph built from the draw plan, see drawing.ts)
 * shown by sigma, with display state (seeds, reach heat, overlays such as playback) kept outside
 * the graph and applied by one node reducer. Positions come with the drawing (the file, the layout
 * cache, a bundled layout: start-positions.ts) or from ForceAtlas2 in a worker.
 *
 * One sigma renderer serves every graph of the page: a new view hands it its graph
 * (sigma.setGraph) and its reducers, and kill() only detaches the view. Killing the renderer
 * instead would drop its WebGL contexts, which makes the browser finish all queued drawing first:
 * seconds on a software renderer, once per graph switch.
 */
import type Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { NodeDisplayData } from 'sigma/types';
import type { GraphState } from '../state/types.ts';
import type { Drawing, NodeAttributes } from './drawing.ts';
import { clearArea, fitRatio, type Rect } from './fit.ts';
import { LayoutRunner, type LayoutState, layoutBudgetMs } from './layout.ts';
import { EDGE_COLOR, heatColor, NODE_COLOR, seedGroupColor } from './palette.ts';
import { layoutKey, type PositionsOrigin } from './start-positions.ts';

/** Changes the display of node `index`; return the fields to override (playback, panels). */
export type NodeOverlay = (index: number, display: Partial<NodeDisplayData>) => Partial<NodeDisplayData>;

export type Renderer = Sigma<NodeAttributes>;

/**
 * Edge programs: 'line' (sigma's antialiased quads, sized) and 'thin' (1-pixel GL lines). Above
 * THIN_EDGES_ABOVE drawn edges plain edges are thin: the same picture at that density, and on a
 * software renderer (no GPU) a frame of ego-Facebook took 0.3-0.5 s instead of 1.6-3.4 s.
 * Highlights that need a width (playback's cascade edges) ask for EDGE_TYPE_WIDE.
 */
export const THIN_EDGES_ABOVE = 5000;
export const EDGE_TYPE_WIDE = 'line';
const EDGE_PROGRAMS = { line: EdgeRectangleProgram, thin: EdgeLineProgram };
/** fitTo: pixels kept clear around the framed nodes, beyond their drawn radius. */
const FIT_MARGIN_PX = 12;
/** fitTo never zooms closer than this (one node alone would fill the screen). */
const MIN_FIT_RATIO = 0.05;

export interface GraphViewEvents {
  onNodeClick(index: number): void;
  /** The pointer entered a node (its index) or left it (null). */
  onHover(index: number | null): void;
  onLayout(state: LayoutState | PositionsOrigin, seconds: number): void;
}

export class GraphView {
  readonly sigma: Renderer;
  readonly graph: Graph<NodeAttributes>;
  /** Node indices drawn. */
  readonly drawn: Uint32Array;
  /** Edges drawn. */
  readonly drawnEdges: number;
  /** The drawn edges as [u0, v0, u1, v1, ...] node indices; edge key k is the pair at 2k. */
  readonly drawnEdgeList: Uint32Array;
  /** True when only part of the graph is drawn. */
  readonly cut: boolean;
  /** Seed node index -> its launch group. */
  private seeds = new Map<number, number>();
  private heat: string[] | null = null;
  /** The playback overlay: applied last, over seeds. */
  private overlay: NodeOverlay | null = null;
  /** Named display layers (analysis panels: colour by metric, communities, focus), in insertion order. */
  private readonly layers = new Map<string, NodeOverlay>();
  private layout: LayoutRunner | null = null;
  private allKeys: string[] | null = null;
  /** Set by kill(): the renderer belongs to the next view, so this one leaves it alone. */
  private detached = false;
  private readonly handlers: {
    clickNode: (e: { node: string }) => void;
    enterNode: (e: { node: string }) => void;
    leaveNode: () => void;
  };

  /**
   * Show a drawing (see buildDrawing) of the graph in container: with a new renderer, or with
   * `renderer` (the previous view's, already killed) when there is one.
   */
  constructor(
    private readonly container: HTMLElement,
    private readonly state: GraphState,
    private readonly events: GraphViewEvents,
    drawing: Drawing,
    renderer: Renderer | null = null,
  ) {
    const { plan, graph } = drawing;
    this.drawn = plan.nodes;
    this.drawnEdges = plan.edges.length / 2;
    this.drawnEdgeList = plan.edges;
    this.cut = plan.cut;
    this.graph = graph;
    const nodeReducer = (_key: string, data: NodeAttributes) => this.reduce(data);
    const defaultEdgeType = this.drawnEdges > THIN_EDGES_ABOVE ? 'thin' : EDGE_TYPE_WIDE;
    if (renderer) {
      // Settings first, in one call (each settings change re-indexes the graph sigma holds: the
      // stage has already handed it an empty one), then the graph, which refreshes at once.
      renderer.setSettings({
        nodeReducer,
        defaultEdgeType,
        edgeReducer: null,
        hideLabelsOnMove: graph.order > 2000,
      });
      renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      renderer.setGraph(graph);
      this.sigma = renderer;
    } else {
      this.sigma = new Sigma(graph, container, {
        hideEdgesOnMove: true,
        hideLabelsOnMove: graph.order > 2000,
        defaultNodeColor: NODE_COLOR,
        defaultEdgeColor: EDGE_COLOR,
        labelRenderedSizeThreshold: 9,
        zIndex: true,
        edgeProgramClasses: EDGE_PROGRAMS,
        defaultEdgeType,
        nodeReducer,
      });
    }
    this.handlers = {
      clickNode: ({ node }) => this.events.onNodeClick(Number(node)),
      enterNode: ({ node }) => {
        container.classList.add('pointer');
        this.events.onHover(Number(node));
      },
      leaveNode: () => {
        container.classList.remove('pointer');
        this.events.onHover(null);
      },
    };
    this.sigma.on('clickNode', this.handlers.clickNode);
    this.sigma.on('enterNode', this.handlers.enterNode);
    this.sigma.on('leaveNode', this.handlers.leaveNode);
    if (drawing.origin) this.events.onLayout(drawing.origin, 0);
    else this.startLayout();
  }

  private reduce(data: NodeAttributes): Partial<NodeDisplayData> {
    const i = data.i;
    let display: Partial<NodeDisplayData> = { ...data };
    if (this.heat) display.color = this.heat[i] ?? NODE_COLOR;
    for (const layer of this.layers.values()) display = { ...display, ...layer(i, display) };
    const group = this.seeds.get(i);
    if (group !== undefined) {
      display.color = seedGroupColor(group);
      display.size = data.size * 1.5 + 3;
      display.forceLabel = true;
      display.zIndex = 2;
    }
    if (this.overlay) display = { ...display, ...this.overlay(i, display) };
    return display;
  }

  startLayout(budgetMs = layoutBudgetMs(this.graph.order)): void {
    this.layout ??= new LayoutRunner(this.graph, layoutKey(this.state, this.drawn.length), (state, seconds) =>
      this.events.onLayout(state, seconds),
    );
    this.layout.start(budgetMs);
  }

  stopLayout(): void {
    this.layout?.stop();
  }

  get layoutRunning(): boolean {
    return this.layout?.running ?? false;
  }

  /** Highlight seeds: node index -> launch group (coloured by group). */
  setSeeds(seeds: Map<number, number>): void {
    const changed = [...new Set([...this.seeds.keys(), ...seeds.keys()])].filter(
      (i) => this.seeds.get(i) !== seeds.get(i),
    );
    this.seeds = seeds;
    this.refreshNodes(changed);
  }

  /** Colour nodes by the share of runs that reached them, or back to plain (null). */
  setHeat(counts: Uint32Array | null, runs: number): void {
    if (counts && runs > 0) {
      const heat: string[] = [];
      for (const v of this.drawn) heat[v] = heatColor(counts[v] / runs);
      this.heat = heat;
    } else this.heat = null;
    this.refreshAll();
  }

  /**
   * Install (or with null remove) a named display layer: a function of node index and the
   * display so far returning fields to override. Layers apply after the reach colours and before
   * the seed highlight, in the order they were first installed. Call refreshNodes/refreshAll when
   * a layer's state changes.
   */
  setLayer(name: string, layer: NodeOverlay | null): void {
    if (layer) this.layers.set(name, layer);
    else if (!this.layers.delete(name)) return;
    this.refreshAll();
  }

  /**
   * Colour edges by key (a lens such as the Ties tab's), or with null back to plain. It takes
   * sigma's edge reducer: playback installs its own while it runs and puts back the one it found.
   */
  setEdgeColors(color: ((key: string) => string | undefined) | null): void {
    if (this.detached) return;
    this.sigma.setSetting(
      'edgeReducer',
      color
        ? (key, data) => {
            const c = color(key);
            return c ? { ...data, color: c } : data;
          }
        : null,
    );
  }

  /** Install the playback overlay (null removes it); it applies after every layer and the seeds. */
  setOverlay(overlay: NodeOverlay | null): void {
    this.overlay = overlay;
    this.refreshAll();
  }

  /** Re-apply the node reducer to every drawn node in the next frame (edges untouched: cheap). */
  refreshAll(): void {
    if (this.detached) return;
    this.allKeys ??= this.graph.nodes();
    this.sigma.refresh({ partialGraph: { nodes: this.allKeys }, skipIndexation: true, schedule: true });
  }

  /** Redraw some nodes (by index) in the next frame. */
  refreshNodes(indices: Iterable<number>): void {
    if (this.detached) return;
    const nodes: string[] = [];
    for (const i of indices) if (this.graph.hasNode(String(i))) nodes.push(String(i));
    if (nodes.length > 0)
      this.sigma.refresh({ partialGraph: { nodes }, skipIndexation: true, schedule: true });
  }

  isDrawn(index: number): boolean {
    return this.graph.hasNode(String(index));
  }

  /**
   * Move the camera so every given node (by index; those not drawn are skipped) is in view with
   * a margin, clear of `avoid`: rectangles (viewport pixels, relative to the canvas) of controls
   * floating over the canvas; `bottomMargin` is a share of the canvas height kept clear below the
   * nodes. The nodes go in the clear part of the canvas where they can be shown largest.
   */
  fitTo(indices: Iterable<number>, bottomMargin = 0, avoid: readonly Rect[] = []): boolean {
    if (this.detached) return false;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    let maxSize = 0;
    for (const i of indices) {
      const d = this.sigma.getNodeDisplayData(String(i));
      if (!d) continue;
      minX = Math.min(minX, d.x);
      maxX = Math.max(maxX, d.x);
      minY = Math.min(minY, d.y);
      maxY = Math.max(maxY, d.y);
      maxSize = Math.max(maxSize, d.size);
    }
    if (minX === Infinity) return false;
    // The canvas may have changed size since the last frame (a bar opened under it).
    this.sigma.resize();
    const { width, height } = this.sigma.getDimensions();
    // The nodes' box in pixels at ratio 1 (framed-graph coordinates map linearly to the viewport).
    const unit = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 } };
    const a = this.sigma.framedGraphToViewport({ x: minX, y: minY }, unit);
    const b = this.sigma.framedGraphToViewport({ x: maxX, y: maxY }, unit);
    const boxWidth = Math.abs(b.x - a.x);
    const boxHeight = Math.abs(b.y - a.y);
    const obstacles =
      bottomMargin > 0
        ? [...avoid, { left: 0, right: width, top: height * (1 - bottomMargin), bottom: height }]
        : avoid;
    const area = clearArea(width, height, obstacles, boxWidth, boxHeight);
    const ratio = fitRatio(
      boxWidth,
      boxHeight,
      area,
      (r) => this.sigma.scaleSize(maxSize, r) + FIT_MARGIN_PX,
      MIN_FIT_RATIO,
    );
    // The camera that puts the box's centre at the area's centre: with the camera on the box's
    // centre, the camera point is the one seen where the area's centre mirrors through the middle.
    const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
    const camera = this.sigma.viewportToFramedGraph(
      { x: width - (area.left + area.right) / 2, y: height - (area.top + area.bottom) / 2 },
      { cameraState: { ...centre, ratio, angle: 0 } },
    );
    void this.sigma.getCamera().animate({ x: camera.x, y: camera.y, ratio, angle: 0 }, { duration: 300 });
    return true;
  }

  /** Centre the camera on a node. */
  focus(index: number): void {
    if (this.detached) return;
    const display = this.sigma.getNodeDisplayData(String(index));
    if (display)
      void this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.4 }, { duration: 400 });
  }

  /** Stop this view's work and detach it from the renderer, which the next view reuses. */
  kill(): void {
    this.detached = true;
    this.layout?.kill();
    this.sigma.off('clickNode', this.handlers.clickNode);
    this.sigma.off('enterNode', this.handlers.enterNode);
    this.sigma.off('leaveNode', this.handlers.leaveNode);
    this.container.classList.remove('pointer');
  }
}
