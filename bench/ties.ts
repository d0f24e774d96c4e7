/**
 * Strong and weak ties on soc-Slashdot0902 (issue 16): what tie-aware IC costs per run against
 * plain IC. Both run in this thread (no pool, so the two cores' other load affects both alike),
 * from the same 10 seeds (top degree) and the same random streams, in alternating blocks:
 *   plain   ic with p = 0.05 (the compiled loop, ic-wasm.ts, where WebAssembly runs)
 *   ties    --p-strong 0.05 --p-weak 0.05 (the same cascades, so only the kernel's overhead; the
 *           compiled loop's tie variant, no groups),
 *           plus the one-off classification (mutual) charged to a simulate of 1000 runs
 *   mixed   --p-strong 0.1 --p-weak 0.02, for scale (different cascades), timed afterwards
 * Goal: ties at most 10% more per run than plain. `npm run bench -- --ties` runs this alone.
 */
import { join } from 'node:path';
import { readGraphFile } from '../src/cli/common/read-graph-file.ts';
import { createSimulator, type Simulator } from '../src/diffusion/simulator.ts';
import type { ModelParams, SeedPlan } from '../src/diffusion/types.ts';
import { mutualArcs } from '../src/graph/ties.ts';
import type { BenchContext } from './context.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Runs a simulate of the default size does: the classification is charged to these. */
const SIMULATE_RUNS = 1000;

export async function benchTies(ctx: BenchContext): Promise<Record<string, unknown>> {
  const { csr } = await readGraphFile(join(ctx.root, 'datasets', 'soc-Slashdot0902.txt.gz'), {
    direction: 'follows',
  });
  const degree = (v: number) => csr.outOffsets[v + 1] - csr.outOffsets[v];
  const top = Array.from({ length: csr.n }, (_, v) => v)
    .sort((a, b) => degree(b) - degree(a) || a - b)
    .slice(0, 10);
  const seeds: SeedPlan = { kind: 'groups', groups: [{ nodes: top, start: 0 }] };
  const base: ModelParams = { model: 'ic', p: 0.05, gamma: 0.2, phi: 0.18, maxSteps: null };
  const tie = (pStrong: number, pWeak: number): ModelParams => ({
    ...base,
    ties: { strongBy: 'mutual', pStrong, pWeak, groups: [], pGroup: 0, strongOnly: false },
  });

  const classifyTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    mutualArcs(csr);
    classifyTimes.push(performance.now() - t0);
  }
  const classifyMs = median(classifyTimes);

  const sims: Record<string, Simulator> = {
    plain: createSimulator(csr, base),
    ties: createSimulator(csr, tie(0.05, 0.05)),
  };
  const runs = ctx.quick ? 50 : 100;
  const blocks = ctx.quick ? 5 : 21;
  const perRun: Record<string, number[]> = { plain: [], ties: [] };
  const sizes: Record<string, number> = {};
  let first = 0;
  const names = Object.keys(sims);
  for (let b = 0; b < blocks; b++) {
    // Rotate the order each block, so neither kernel always runs first after the other.
    for (const name of [...names.slice(b % names.length), ...names.slice(0, b % names.length)]) {
      const t0 = performance.now();
      const shard = sims[name].runShard({
        seeds,
        rngSeed: 1,
        firstRun: first,
        runCount: runs,
        traceRun: null,
      });
      perRun[name].push((performance.now() - t0) / runs);
      sizes[name] = shard.sizes.reduce((a, x) => a + x, 0) / runs;
    }
    first += runs;
  }
  // Mixed probabilities afterwards, for scale only (different cascades, not part of the ratio).
  const mixed = createSimulator(csr, tie(0.1, 0.02));
  perRun.mixed = [];
  for (let b = 0; b < Math.min(blocks, 5); b++) {
    const t0 = performance.now();
    const shard = mixed.runShard({ seeds, rngSeed: 1, firstRun: b * runs, runCount: runs, traceRun: null });
    perRun.mixed.push((performance.now() - t0) / runs);
    sizes.mixed = shard.sizes.reduce((a, x) => a + x, 0) / runs;
  }
  const ms = Object.fromEntries(Object.entries(perRun).map(([k, v]) => [k, median(v)]));
  // Paired by block (both ran back to back under the same load), then the median: steadier than a
  // ratio of medians when other work shares the cores.
  const ratios = perRun.ties.map((t, i) => (t + classifyMs / SIMULATE_RUNS) / perRun.plain[i]);
  const ratio = median(ratios);
  console.log(
    `\nties: soc-Slashdot0902 (${csr.n} nodes, ${csr.arcs} arcs), ic from the 10 top-degree accounts, in-thread, median of ${blocks} blocks of ${runs} runs each, order rotated`,
  );
  console.log(
    `  plain p 0.05 ${ms.plain.toFixed(3)} ms/run (mean reach ${sizes.plain.toFixed(0)}); ties 0.05/0.05 ${ms.ties.toFixed(3)} ms/run (reach ${sizes.ties.toFixed(0)}); classification (mutual) ${classifyMs.toFixed(1)} ms once, ${(classifyMs / SIMULATE_RUNS).toFixed(4)} ms/run over ${SIMULATE_RUNS} runs`,
  );
  console.log(
    `  ratio ties (with classification) / plain = ${ratio.toFixed(3)}, median of ${blocks} paired blocks (range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}; goal <= 1.10); mixed 0.1/0.02 ${ms.mixed.toFixed(3)} ms/run (reach ${sizes.mixed.toFixed(0)})`,
  );
  return {
    section: 'ties',
    graph: 'soc-Slashdot0902',
    msPerRun: ms,
    classifyMs,
    ratio,
    ratios,
    reach: sizes,
    runs,
    blocks,
  };
}
