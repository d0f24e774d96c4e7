/**
 * `ripple layout`: ForceAtlas2 positions for the part of a graph the app draws (src/graph/
 * draw-layout.ts), as a layout file. The app opens each bundled dataset with the one made by
 * this command (datasets/layouts/), so its first picture is already laid out.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pagerank } from '../../analysis/centrality/pagerank.ts';
import { layoutFile } from '../../graph/draw-layout.ts';
import { type OptionSpec, type ParsedOptions, UsageError } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { GRAPH_OPTIONS, loadGraphOption, RNG_OPTION, rngSeed } from '../graph-options.ts';

export const LAYOUT_ITERATIONS = 500;

export const LAYOUT_OPTIONS: OptionSpec[] = [
  ...GRAPH_OPTIONS.filter((o) => o.name !== 'json'),
  {
    name: 'iterations',
    kind: 'integer',
    value: 'N',
    help: 'ForceAtlas2 iterations',
    default: String(LAYOUT_ITERATIONS),
  },
  { ...RNG_OPTION, help: 'seed of the random start positions' },
  { name: 'out', kind: 'string', value: 'FILE', help: 'write the layout file here (default: stdout)' },
];

export async function layoutCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const iterations = (options.iterations as number | undefined) ?? LAYOUT_ITERATIONS;
  if (iterations < 1 || iterations > 100_000)
    throw new UsageError(`--iterations: expected a whole number from 1 to 100000, got ${iterations}`);
  const rng = rngSeed(options);
  const out = options.out as string | undefined;
  if (out === '') throw new UsageError('--out: expected a file name');
  const started = performance.now();
  const loaded = await loadGraphOption(options);
  const file = layoutFile(loaded, pagerank(loaded.csr), {
    graph: basename(String(options.graph)),
    iterations,
    rng,
  });
  const text = `${JSON.stringify(file)}\n`;
  if (out === undefined) {
    ctx.stdout.write(text);
    return;
  }
  await writeFile(out, text);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  ctx.stderr.write(
    `ripple layout: ${file.ids.length} of ${loaded.csr.n} nodes laid out (${iterations} iterations, ${seconds} s) -> ${out}\n`,
  );
}
