/**
 * The classroom's simulator: runs of one setting (spread probability p, friends needed, seeds) on
 * the classroom network, with run r on the engine's random stream (rngSeed, r) as everywhere in
 * Ripple. With one friend needed it is the engine's independent cascade itself
 * (src/diffusion/simulator.ts); with more, the engine's progressive loop with the IC-then-threshold
 * kernel (ic-threshold.ts). Pure: runs in the page (the network is small) and in Node tests.
 */
import { type RunState, runProgressive } from '../../../../diffusion/run-state.ts';
import { Scratch } from '../../../../diffusion/scratch.ts';
import { compileSchedule } from '../../../../diffusion/seeds.ts';
import { createSimulator } from '../../../../diffusion/simulator.ts';
import type { Trace } from '../../../../diffusion/types.ts';
import type { Csr } from '../../../../graph/types.ts';
import { Rng } from '../../../../util/rng.ts';
import { icThreshold } from './ic-threshold.ts';

export interface Spread {
  /** Chance that a message gets through a tie, 0..1. */
  p: number;
  /** Friends whose message must get through before a person joins (1 = simple contagion). */
  need: number;
}

export interface Runs {
  /** People reached (seeds included) per run. */
  sizes: Uint32Array;
  /** The cascade of run `traceRun`, when asked and in range. */
  trace: Trace | null;
}

export type RunCascades = (
  seeds: readonly number[],
  rngSeed: number,
  first: number,
  count: number,
  traceRun: number | null,
) => Runs;

export function classroomSimulator(csr: Csr, spread: Spread): RunCascades {
  if (spread.need <= 1) {
    const engine = createSimulator(csr, { model: 'ic', p: spread.p, gamma: 0.2, phi: 0.5, maxSteps: null });
    return (seeds, rngSeed, first, count, traceRun) => {
      const shard = engine.runShard({
        seeds: { kind: 'groups', groups: [{ nodes: [...seeds], start: 0 }] },
        rngSeed,
        firstRun: first,
        runCount: count,
        traceRun,
      });
      return { sizes: shard.sizes, trace: shard.trace };
    };
  }
  const sc = new Scratch(csr.n);
  const expand = icThreshold(csr, sc, spread.p, spread.need);
  return (seeds, rngSeed, first, count, traceRun) => {
    const schedule = compileSchedule([{ nodes: [...seeds], start: 0 }], csr.n);
    const sizes = new Uint32Array(count);
    let trace: Trace | null = null;
    for (let i = 0; i < count; i++) {
      const run = first + i;
      const seen = sc.nextRun();
      const rs: RunState = {
        rng: new Rng(rngSeed, run),
        seen,
        active: seen + 1,
        tail: 0,
        exposed: 0,
        examined: 0,
        tracing: run === traceRun,
      };
      runProgressive(sc, rs, schedule, null, expand);
      sizes[i] = rs.tail;
      if (rs.tracing) trace = traceOf(sc, rs, run);
    }
    sc.takeHopCounts();
    return { sizes, trace };
  };
}

/** The traced run as the engine records it (simulator.ts captureTrace). */
function traceOf(sc: Scratch, rs: RunState, run: number): Trace {
  const nodes = sc.order.slice(0, rs.tail);
  const steps = new Uint32Array(rs.tail);
  const hops = new Uint32Array(rs.tail);
  const parents = new Int32Array(rs.tail);
  for (let i = 0; i < rs.tail; i++) {
    const v = nodes[i];
    steps[i] = sc.step[v];
    hops[i] = sc.hop[v];
    parents[i] = sc.parent[v];
  }
  const exposed: number[] = [];
  for (let v = 0; v < sc.n; v++) if (sc.state[v] === rs.seen || sc.state[v] === rs.active) exposed.push(v);
  return { run, nodes, steps, hops, parents, exposed: Uint32Array.from(exposed) };
}
