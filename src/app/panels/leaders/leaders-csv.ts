/**
 * The leaders table as CSV (src/app/export/csv.ts conventions): rank, id, label, every computed
 * metric the table has columns for (on an undirected graph in- and out-degree are degree, so
 * only degree), and influence with its 95% interval, in the table's order (sorted and searched).
 */
import { type CsvValue, csvTable } from '../../export/csv.ts';
import type { GraphState } from '../../state/types.ts';
import { type MetricBook, metricsFor, STRUCTURAL } from './metric-book.ts';

export function leadersCsv(
  graph: { loaded: Pick<GraphState['loaded'], 'ids' | 'labels'> & { csr: { directed: boolean } } },
  book: MetricBook,
  order: ArrayLike<number>,
): string {
  const shown = metricsFor(graph.loaded.csr.directed);
  const columns = STRUCTURAL.filter((c) => shown.includes(c) && book.has(c));
  const header = ['rank', 'id', 'label', ...columns];
  const influence = book.influence;
  if (influence) header.push('influence', 'influence_ci95_low', 'influence_ci95_high');
  const rows: CsvValue[][] = [];
  for (let k = 0; k < order.length; k++) {
    const v = order[k];
    const row: CsvValue[] = [k + 1, graph.loaded.ids[v], graph.loaded.labels?.[v] ?? null];
    for (const c of columns) row.push((book.get(c) as Float64Array)[v]);
    if (influence) row.push(influence.score[v], influence.lo[v], influence.hi[v]);
    rows.push(row);
  }
  return csvTable(header, rows);
}
