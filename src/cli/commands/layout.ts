/**
 * `ripple layout`: ForceAtlas2 positions for the part of a graph the app draws (src/graph/
 * draw-layout.ts), as a layout file. The app opens each bundled dataset with the one made by
 * this command (datasets/layouts/), so its first picture is already laid out.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pagerank } from '../../analysis/centrality/pagerank.ts';
import { RNG_SEED } from '../../diffusion/params.ts';
import { HELP } from '../../engine/run-params.ts';
import { layoutFile } from '../../graph/draw-layout.ts';
import { ITERATIONS, OUT } from '../../graph/params.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import type { Command, ParsedOptions } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import { GRAPH_OPTIONS, loadGraphOption } from '../common/graph-options.ts';

export const LAYOUT_ITERATIONS = ITERATIONS.default;

const START_RNG = adapt(RNG_SEED, {
  help: {
    en: 'seed of the random start positions; the same seed, the same layout',
    zh: '随机初始位置的种子；种子相同，布局就相同',
  },
});

export const LAYOUT: Command = {
  summary: 'ForceAtlas2 positions for the nodes the app draws, as a layout file',
  usage: '--graph FILE [--out FILE] [options]',
  options: [...GRAPH_OPTIONS, ITERATIONS, START_RNG, OUT, HELP],
  examples: [
    'ripple layout --graph datasets/facebook_combined.txt --out datasets/layouts/facebook_combined.txt.json',
  ],
  run: layoutCommand,
};

export async function layoutCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const iterations = options.need(ITERATIONS);
  const rng = options.need(START_RNG);
  const out = options.given(OUT);
  const started = performance.now();
  const loaded = await loadGraphOption(options);
  const file = layoutFile(loaded, pagerank(loaded.csr), {
    graph: basename(loaded.report.file),
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
    `ripple layout: ${file.ids.length} of ${loaded.csr.n} nodes laid out (${iterations} iterations, ${seconds} s) -> ${printable(out)}\n`,
  );
}
