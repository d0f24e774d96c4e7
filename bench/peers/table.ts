/**
 * `npm run bench -- peers`: Ripple beside the tools a serious user would pick instead (issue 14),
 * one row per task, measured side by side in one run. Each peer module (bench/peers/*.ts) returns
 * its rows; a peer that cannot be built or found here returns a row whose `skipped` says why, and
 * the table shows the figure quoted in the issue instead.
 */
import { availableParallelism, cpus, totalmem } from 'node:os';
import type { BenchContext } from '../context.ts';

export interface PeerRow {
  /** What is measured, e.g. "IMM, WC, k=50, NetHEPT, ε=0.1". */
  task: string;
  /** The peer, e.g. "original IMM (C++)". */
  peer: string;
  /** 'whole': both whole processes as a user runs them; 'compute': the work alone, one core. */
  scope: 'whole' | 'compute';
  /** Ripple's and the peer's medians in `unit` (seconds, µs per run, …); null when not measured. */
  ripple: number | null;
  other: number | null;
  unit: string;
  /** The issue's goal for Ripple / peer (at most this), if any. */
  goal?: number;
  /** Why the peer did not run (not installed, build failed, …). */
  skipped?: string;
  /** Anything a reader needs: equal spreads, repeats, the machine's load. */
  note?: string;
}

export type PeerBench = (ctx: BenchContext) => Promise<PeerRow[]>;

export const ratio = (row: PeerRow): number | null =>
  row.ripple !== null && row.other !== null && row.other > 0 ? row.ripple / row.other : null;

const num = (x: number | null, unit: string) =>
  x === null ? '—' : `${x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(2)} ${unit}`;

/** The markdown table kept in bench/RESULTS.md, headed by the machine and the date. */
export function peerTable(rows: PeerRow[]): string {
  const head = `Peers, ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const lines = [
    head,
    '',
    '| task | peer | scope | Ripple | peer | Ripple/peer | goal | met | note |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const r = ratio(row);
    const met = r === null || row.goal === undefined ? '' : r <= row.goal ? 'yes' : 'no';
    lines.push(
      `| ${row.task} | ${row.peer} | ${row.scope} | ${num(row.ripple, row.unit)} | ${row.skipped ? `not run: ${row.skipped}` : num(row.other, row.unit)} | ${r === null ? '—' : r.toFixed(2)} | ${row.goal === undefined ? '' : `≤ ${row.goal}`} | ${met} | ${row.note ?? ''} |`,
    );
  }
  return lines.join('\n');
}
