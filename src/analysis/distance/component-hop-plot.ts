/**
 * The hop plot of the largest weak component on its own, for callers that must keep their own
 * thread free (the app's six-degrees panel): the component is found by a worker job
 * (largestComponent), the BFS batches or the HyperANF estimate run through a DistanceRunner, and
 * only the cheap summing and reading-off happens in the caller. Same conventions and same
 * numbers as analyzeDistances (which also computes clustering and strong components in the
 * calling thread): exact all-sources BFS while (component nodes) x (arcs) <= EXACT_WORK_LIMIT in
 * auto mode, HyperANF above, h = 0 and 1 of a HyperANF plot replaced by exact counts.
 */
import type { Csr } from '../../graph/types.ts';
import { bfsJobs, type DistanceRunner, EXACT_WORK_LIMIT } from './analyze.ts';
import { weakComponents } from './components.ts';
import { cumulative, type DistanceSummary, summarizeHopPlot } from './hop-plot.ts';
import { defaultRegisters } from './hyperanf.ts';

/** The largest weakly connected component, as the distance analysis needs it. */
export interface LargestComponent {
  /** Its nodes, in index order. */
  sources: Uint32Array;
  /** 1 for its nodes, or null when it is the whole graph. */
  mask: Uint8Array | null;
  /** Out-arcs leaving its nodes (all of which stay inside it). */
  arcs: number;
}

export function largestComponent(csr: Csr): LargestComponent {
  const weak = weakComponents(csr);
  const members = weak.largestSize;
  const sources = new Uint32Array(members);
  const inLargest = new Uint8Array(csr.n);
  let arcs = 0;
  for (let v = 0, i = 0; v < csr.n; v++) {
    if (members > 0 && weak.label[v] === weak.largest) {
      inLargest[v] = 1;
      sources[i++] = v;
      arcs += csr.outOffsets[v + 1] - csr.outOffsets[v];
    }
  }
  return { sources, mask: members === csr.n ? null : inLargest, arcs };
}

export type HopPlotMode = 'auto' | 'exact' | 'approx';
export const HOP_PLOT_MODES: readonly HopPlotMode[] = ['auto', 'exact', 'approx'];

export interface HopPlotOptions {
  mode?: HopPlotMode;
  /** HyperANF registers per node (default: defaultRegisters(csr)). */
  registers?: number;
  /** HyperANF hash seed. */
  seed?: number;
  exactWorkLimit?: number;
}

export interface ComponentHopPlot extends DistanceSummary {
  /** Nodes of the largest weak component, over which distances are taken. */
  distanceNodes: number;
  /** true when the hop plot is a HyperANF estimate (the diameter is then a lower bound). */
  approximate: boolean;
  /** HyperANF only: registers per counter and relative standard deviation of each value (h >= 2). */
  hyperAnfRegisters?: number;
  relativeError?: number;
}

/** Would `mode` give exact distances for a component of `members` nodes? */
export function usesExactDistances(
  csr: Pick<Csr, 'arcs'>,
  members: number,
  mode: HopPlotMode = 'auto',
  exactWorkLimit = EXACT_WORK_LIMIT,
): boolean {
  if (!HOP_PLOT_MODES.includes(mode))
    throw new Error(`distances: expected one of ${HOP_PLOT_MODES.join(', ')}, got '${mode}'`);
  return mode === 'exact' || (mode === 'auto' && members * csr.arcs <= exactWorkLimit);
}

export async function componentHopPlot(
  csr: Csr,
  component: LargestComponent,
  runner: DistanceRunner,
  options: HopPlotOptions = {},
): Promise<ComponentHopPlot> {
  const members = component.sources.length;
  if (usesExactDistances(csr, members, options.mode, options.exactWorkLimit)) {
    const outputs = await runner.bfs(bfsJobs(component.sources, csr.arcs));
    const counts: number[] = [];
    for (const { counts: c } of outputs)
      for (let d = 0; d < c.length; d++) counts[d] = (counts[d] ?? 0) + c[d];
    for (let d = 0; d < counts.length; d++) counts[d] ??= 0;
    return { ...summarizeHopPlot(cumulative(counts)), distanceNodes: members, approximate: false };
  }
  const anf = await runner.hyperAnf({
    registers: options.registers ?? defaultRegisters(csr),
    seed: options.seed ?? 1,
    mask: component.mask,
  });
  // Pairs within 0 and 1 hops are known exactly: the nodes and their out-arcs.
  const plot = anf.hopPlot.map((x) => Math.round(x));
  if (plot.length > 1) {
    plot[1] = members + component.arcs;
    for (let h = 2; h < plot.length; h++) plot[h] = Math.max(plot[h], plot[h - 1]);
  }
  return {
    ...summarizeHopPlot(plot),
    distanceNodes: members,
    approximate: true,
    hyperAnfRegisters: anf.registers,
    relativeError: anf.relativeError,
  };
}
