/**
 * The peers section of the benchmark: every peer module, in the order of issue 14's table.
 * `npm run bench -- peers` runs them all; `npm run bench -- peers=imm,ic` only those named.
 * Each module owns its peer's build or install (into .cache/peers, never committed).
 */
import type { BenchContext } from '../context.ts';
import { benchIc } from './ic.ts';
import { benchIgraph } from './igraph.ts';
import { benchImmPeer } from './imm.ts';
import { benchLoad } from './load.ts';
import { benchStartup } from './startup.ts';
import { type PeerBench, type PeerRow, peerTable } from './table.ts';

/** name → module; each helper adds its own line. */
const peers: Record<string, PeerBench> = {
  imm: benchImmPeer,
  startup: benchStartup,
  ic: benchIc,
  igraph: benchIgraph,
  load: benchLoad,
};

export async function benchPeers(ctx: BenchContext, only: string[] | null): Promise<PeerRow[]> {
  const rows: PeerRow[] = [];
  for (const [name, bench] of Object.entries(peers)) {
    if (only && !only.includes(name)) continue;
    console.log(`\npeers: ${name}`);
    try {
      rows.push(...(await bench(ctx)));
    } catch (error) {
      rows.push({
        task: name,
        peer: name,
        scope: 'whole',
        ripple: null,
        other: null,
        unit: '',
        skipped: `failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  console.log(`\n${peerTable(rows)}`);
  return rows;
}
