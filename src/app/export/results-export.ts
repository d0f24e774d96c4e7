/**
 * The result exports as data: the last result as CSV texts (summary, reach by hop beside the
 * structural reach of the same seeds, adoption by step with its 95% band, cascade-size histogram,
 * activation frequency per account) and their file names. The buttons are ResultsExport.tsx.
 */
import type { GraphState, RunResult } from '../state/types.ts';
import { adoptionCsv, histogramCsv, nodeFrequencyCsv, reachByHopCsv, summaryCsv } from './csv.ts';
import { fileStem, sourceFileName } from './download.ts';
import { structuralReach } from './structural-reach.ts';

export const CSV_TYPE = 'text/csv;charset=utf-8';

/** Hops of structural reach written beside the simulated reach (the results panel shows 1..6+). */
const STRUCTURAL_HOPS = 6;

export interface Current {
  result: RunResult;
  graph: GraphState;
}

export type CsvKind = 'summary' | 'hops' | 'adoption' | 'histogram' | 'nodes';

export const CSV_KINDS: readonly CsvKind[] = ['summary', 'hops', 'adoption', 'histogram', 'nodes'];

/** The file an export of the graph is saved as: `<graph file stem>-<what>.<ext>`. */
export function exportName(graph: GraphState, what: string, ext: string): string {
  return `${fileStem(sourceFileName(graph.source))}-${what}.${ext}`;
}

/** The CSV text of one export, or null when the result lacks what it needs. */
export function resultCsv(kind: CsvKind, { result, graph }: Current): string | null {
  const { summary, shard, scenario } = result;
  switch (kind) {
    case 'summary':
      return summaryCsv(summary, {
        scenario,
        nodes: graph.loaded.csr.n,
        graphName: graph.name,
        seconds: result.seconds,
      });
    case 'hops': {
      const seeds = result.seedGroups.flatMap((g) => g.nodes);
      const hops = Math.max(STRUCTURAL_HOPS, summary.reachByHop.length - 1);
      const structural = seeds.length > 0 ? structuralReach(graph.loaded.csr, seeds, hops) : null;
      return reachByHopCsv(summary, structural);
    }
    case 'adoption':
      return adoptionCsv(summary);
    case 'histogram':
      return histogramCsv(summary);
    case 'nodes':
      return shard.nodeCounts
        ? nodeFrequencyCsv(shard.nodeCounts, shard.runCount, graph.loaded.ids, graph.loaded.labels)
        : null;
  }
}
