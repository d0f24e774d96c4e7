/**
 * `ripple snapshot`: load a graph once and write it as a binary snapshot (src/graph/snapshot.ts),
 * which every command then loads with `--graph G.rsnap` without parsing: the CSR, the id table,
 * labels, positions and the load report, with a content hash. Cluster workers receive the same
 * bytes (without ids) through Redis.
 */
import { writeFile } from 'node:fs/promises';
import { installNodeSha256 } from '../../cluster/node-sha256.ts';
import { JSON_OUTPUT } from '../../engine/run-params.ts';
import { OUT } from '../../graph/params.ts';
import { encodeSnapshot, SNAPSHOT_EXTENSION, snapshotHash } from '../../graph/snapshot.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import { GRAPH_OPTIONS, loadGraphOption, OUTPUT_OPTIONS } from '../common/graph-options.ts';

installNodeSha256();

const SNAPSHOT_OUT = adapt(OUT, {
  required: true,
  help: {
    en: `write the snapshot here (by convention ending in ${SNAPSHOT_EXTENSION})`,
    zh: `把快照写到这里（习惯上以 ${SNAPSHOT_EXTENSION} 结尾）`,
  },
});

export const SNAPSHOT: Command = {
  summary: 'write a graph as a binary snapshot that loads without parsing (--graph G.rsnap)',
  usage: '--graph FILE --out G.rsnap [options]',
  options: [...GRAPH_OPTIONS, SNAPSHOT_OUT, ...OUTPUT_OPTIONS],
  examples: ['ripple snapshot --graph datasets/soc-Slashdot0902.txt.gz --out slashdot.rsnap'],
  run: snapshotCommand,
};

export async function snapshotCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const out = options.need(SNAPSHOT_OUT);
  const started = performance.now();
  const loaded = await loadGraphOption(options);
  const { file: _file, ...report } = loaded.report;
  const bytes = encodeSnapshot({
    csr: loaded.csr,
    ids: loaded.ids,
    labels: loaded.labels,
    positions: loaded.positions,
    report,
  });
  try {
    await writeFile(out, bytes);
  } catch (e) {
    throw new UsageError(`--out: cannot write ${out} (${e instanceof Error ? e.message : String(e)})`);
  }
  const summary = {
    file: out,
    source: loaded.report.file,
    nodes: loaded.csr.n,
    arcs: loaded.csr.arcs,
    bytes: bytes.length,
    hash: snapshotHash(bytes),
    seconds: (performance.now() - started) / 1000,
  };
  if (options.get(JSON_OUTPUT)) ctx.stdout.write(`${JSON.stringify(summary)}\n`);
  else
    ctx.stdout.write(
      `${printable(out)}: ${summary.nodes} nodes, ${summary.arcs} arcs, ${summary.bytes} bytes, hash ${summary.hash} (from ${printable(summary.source)} in ${summary.seconds.toFixed(2)} s)\n`,
    );
}
