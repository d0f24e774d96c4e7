/**
 * Results as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote, CR or LF
 * quoted with quotes doubled). Node ids and labels are written as in the graph file, except that
 * a text cell a spreadsheet would run as a formula (starting with =, +, -, @, TAB or CR) gets a
 * leading ' (OWASP's rule against CSV injection). Number cells are written as numbers, and a text
 * cell that is a plain decimal number (an id "-1") is left as it is: a spreadsheet reads it as
 * that number, never as a formula. Pure functions of the result; the download lives in download.ts.
 */
import type { SimulationSummary } from '../../diffusion/types.ts';
import type { Scenario } from '../../engine/scenario.ts';

export type CsvValue = string | number | null;

/** Text a spreadsheet would evaluate as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number: read as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A text cell made inert: a formula-like start gets a leading ' unless the text is a plain number. */
export function defuse(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One field: numbers in shortest round-trip form, null and non-finite numbers empty. */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = defuse(value);
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

export function csvTable(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** What the summary file describes besides the numbers. */
export interface SummaryContext {
  scenario: Scenario;
  /** Nodes in the graph the run used. */
  nodes: number;
  /** Graph display name. */
  graphName: string;
  seconds: number;
}

function seedsText(scenario: Scenario): string {
  if (scenario.seeds.kind === 'random') return `random:${scenario.seeds.k}`;
  return scenario.seeds.groups.map((g) => `${g.ids.join(' ')}@${g.start}`).join('; ');
}

/** One metric per line: `metric,value`. */
export function summaryCsv(summary: SimulationSummary, context: SummaryContext): string {
  const s = context.scenario;
  const rows: [string, CsvValue][] = [
    ['graph', context.graphName],
    ['nodes', context.nodes],
    ['direction', s.direction],
    ['model', s.model],
    ['p', s.params.p === null ? 'file' : s.params.p],
    ['gamma', s.params.gamma],
    ['phi', s.params.phi],
    ['max_steps', s.params.maxSteps],
    ['seeds', seedsText(s)],
    ['rng', s.rngSeed],
    ['runs', summary.runs],
    ['mean', summary.mean],
    ['std', summary.std],
    ['ci95_low', summary.ci95[0]],
    ['ci95_high', summary.ci95[1]],
    ['share', context.nodes > 0 ? summary.mean / context.nodes : null],
    ['exposed', summary.exposed],
    ['min', summary.sizes.min],
    ['median', summary.sizes.median],
    ['max', summary.sizes.max],
    ['seconds', context.seconds],
  ];
  return csvTable(['metric', 'value'], rows);
}

/**
 * Mean reach within h hops (cumulative), with the structural reach of the same seeds within h
 * hops when given (its last entry counts for every further hop).
 */
export function reachByHopCsv(
  summary: SimulationSummary,
  structural: readonly number[] | null = null,
): string {
  const hops = Math.max(summary.reachByHop.length, structural?.length ?? 0);
  const rows: CsvValue[][] = [];
  for (let h = 0; h < hops; h++) {
    const mean = summary.reachByHop[Math.min(h, summary.reachByHop.length - 1)] ?? null;
    const row: CsvValue[] = [h, mean];
    if (structural) row.push(structural[Math.min(h, structural.length - 1)] ?? null);
    rows.push(row);
  }
  const header = ['hop', 'mean_active_within_hops'];
  if (structural) header.push('structural_reach_within_hops');
  return csvTable(header, rows);
}

/** Mean number active after each step with its 95% confidence interval. */
export function adoptionCsv(summary: SimulationSummary): string {
  return csvTable(
    ['step', 'mean_active', 'ci95_low', 'ci95_high'],
    summary.adoptionByStep.map((mean, t) => [
      t,
      mean,
      summary.adoptionByStepCi95[t]?.[0] ?? null,
      summary.adoptionByStepCi95[t]?.[1] ?? null,
    ]),
  );
}

/** Cascade-size histogram: runs with size in [from, to]. */
export function histogramCsv(summary: SimulationSummary): string {
  return csvTable(
    ['size_from', 'size_to', 'runs'],
    summary.sizes.histogram.map((bin) => [bin.from, bin.to, bin.count]),
  );
}

/**
 * Per-node activation frequency: runs in which each node was activated, most frequent first
 * (ties in node order). `labels` may be null when the file has none.
 */
export function nodeFrequencyCsv(
  nodeCounts: Uint32Array,
  runs: number,
  ids: readonly string[],
  labels: readonly (string | null)[] | null,
): string {
  if (nodeCounts.length !== ids.length) {
    throw new RangeError(`node frequency: ${nodeCounts.length} counts for ${ids.length} nodes`);
  }
  const order = Array.from({ length: ids.length }, (_, i) => i).sort(
    (a, b) => nodeCounts[b] - nodeCounts[a] || a - b,
  );
  return csvTable(
    ['id', 'label', 'runs_active', 'frequency'],
    order.map((v) => [ids[v], labels?.[v] ?? null, nodeCounts[v], runs > 0 ? nodeCounts[v] / runs : null]),
  );
}
