/**
 * Calibration on soc-Slashdot0902 (issue 17): 10,000 cascades generated with IC p = 0.01 from one
 * random first adopter each (Ripple's own simulator, traced), written as a CSV log with parents,
 * then `ripple calibrate` timed as a user runs it (the whole process: load the graph, read the
 * log, fit, and the goodness-of-fit replay of 10,000 cascades), beside the fit alone as the
 * command reports it. Goal: under 10 s on 2 cores. `npm run bench -- --calibrate` runs this alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGraphFile } from '../src/cli/common/read-graph-file.ts';
import { createSimulator } from '../src/diffusion/simulator.ts';
import { Rng } from '../src/util/rng.ts';
import type { BenchContext } from './context.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function benchCalibrate(ctx: BenchContext): Promise<Record<string, unknown>> {
  const cli = join(ctx.root, 'bin', 'ripple.mjs');
  const graphFile = join(ctx.root, 'datasets', 'soc-Slashdot0902.txt.gz');
  const truth = 0.01;
  const count = 10_000;
  const { csr, ids } = await readGraphFile(graphFile, { direction: 'follows' });
  const sim = createSimulator(csr, { model: 'ic', p: truth, gamma: 0, phi: 0, maxSteps: null });
  const lines = ['cascade,account,step,parent'];
  let adoptions = 0;
  for (let i = 0; i < count; i++) {
    const seed = new Rng(17, 1_000_000 + i).below(csr.n);
    const trace = sim.runShard({
      seeds: { kind: 'groups', groups: [{ nodes: [seed], start: 0 }] },
      rngSeed: 17,
      firstRun: i,
      runCount: 1,
      traceRun: i,
    }).trace;
    if (!trace) throw new Error('no trace');
    for (let j = 0; j < trace.nodes.length; j++) {
      const parent = trace.parents[j];
      lines.push(`c${i},${ids[trace.nodes[j]]},${trace.steps[j]},${parent < 0 ? '' : ids[parent]}`);
    }
    adoptions += trace.nodes.length;
  }
  const dir = join(ctx.root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'slashdot-cascades.csv');
  writeFileSync(log, `${lines.join('\n')}\n`);
  console.log(
    `\ncalibrate: soc-Slashdot0902, ${count} IC cascades (p = ${truth}, one first adopter each, ${adoptions} adoptions)`,
  );
  const out: Record<string, unknown> = {
    section: 'calibrate',
    graph: 'soc-Slashdot0902',
    cascades: count,
    truth,
    adoptions,
  };
  const repeats = ctx.quick ? 1 : 3;
  for (const by of ['global', 'community']) {
    const times: number[] = [];
    let last: {
      p: { estimate: number; ci95: [number, number] };
      attempts: number;
      seconds: { fit: number; simulate: number };
      fit: { ks: number; ksPValue: number; rejected: boolean };
    } = null as never;
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        [cli, 'calibrate', '--graph', graphFile, '--cascades', log, '--by', by, '--json'],
        { encoding: 'utf8', maxBuffer: 1 << 28 },
      );
      times.push((performance.now() - t0) / 1000);
      if (r.status !== 0) throw new Error(`ripple calibrate failed: ${r.stderr}`);
      last = JSON.parse(r.stdout);
    }
    console.log(
      `  --by ${by}: ${median(times).toFixed(2)} s whole process (median of ${repeats}); fit ${last.seconds.fit.toFixed(2)} s, goodness-of-fit replay ${last.seconds.simulate.toFixed(2)} s; ${last.attempts} attempts; p = ${last.p.estimate.toFixed(5)} [${last.p.ci95.map((x) => x.toFixed(5)).join(', ')}]; KS D ${last.fit.ks.toFixed(4)}, p ${last.fit.ksPValue.toFixed(3)}${last.fit.rejected ? ' (rejected)' : ''}`,
    );
    out[by] = {
      seconds: median(times),
      allSeconds: times,
      fitSeconds: last.seconds.fit,
      simulateSeconds: last.seconds.simulate,
      attempts: last.attempts,
      p: last.p,
      ks: last.fit.ks,
      ksPValue: last.fit.ksPValue,
    };
  }
  return out;
}
