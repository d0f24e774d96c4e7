/**
 * The Monte Carlo engine: a simulator is created once per (graph, model parameters) with all its
 * scratch space and per-arc tables, then runs shards of runs. Run r of a scenario always uses
 * the random stream (rngSeed, r), so any split of runs over workers gives identical outcomes.
 */
import { parseStrongBy, strongArcs } from '../graph/ties.ts';
import type { Csr } from '../graph/types.ts';
import { Rng } from '../util/rng.ts';
import { validateParams } from './defaults.ts';
import { arcThresholds, icPerArc, icUniform, weightedCascadeProbabilities } from './ic.ts';
import { icTies, indexGroups } from './ic-ties.ts';
import { linearThreshold, linearThresholdWeights } from './lt.ts';
import { type LevelExpander, type RunState, runProgressive, type SeedSchedule } from './run-state.ts';
import { Scratch } from './scratch.ts';
import { compileSchedule, pickRandom, validateSeedPlan } from './seeds.ts';
import { createSir } from './sir.ts';
import { adoptionNeeds, fractionalThreshold } from './threshold.ts';
import { strongAdoptionNeeds, strongThreshold } from './threshold-ties.ts';
import { type ModelParams, type ShardRequest, type ShardResult, type Trace, VIA_KINDS } from './types.ts';

/**
 * Told after each run of a shard: the run index and the accounts active at its end
 * (active[0 .. count), a view of scratch space valid only during the call).
 */
export type RunObserver = (run: number, active: Uint32Array, count: number) => void;

export interface Simulator {
  readonly params: ModelParams;
  runShard(request: Omit<ShardRequest, 'params'>, observe?: RunObserver): ShardResult;
}

type RunCascade = (rs: RunState, seeds: SeedSchedule) => void;

/**
 * The tie-aware kernels (ic-ties.ts, threshold-ties.ts), chosen only when params.ties is given;
 * the arcs are classified here, once per simulator. `via` collects each run's credited adoptions.
 */
function tieRunner(csr: Csr, sc: Scratch, params: ModelParams, via: Uint32Array): RunCascade {
  const ties = params.ties;
  if (!ties) throw new Error('tieRunner: no tie parameters');
  const by = parseStrongBy(ties.strongBy);
  if ('error' in by) throw new Error(`strongBy: ${by.error}`);
  const strong = strongArcs(csr, by);
  let expand: LevelExpander;
  if (params.model === 'ic') {
    const groups = ties.groups.length > 0 ? indexGroups(csr.n, ties.groups) : null;
    expand = icTies(csr, sc, strong, ties, groups, via);
  } else if (params.model === 'threshold') {
    expand = strongThreshold(csr, sc, strong, strongAdoptionNeeds(csr, strong, params.phi), via);
  } else throw new Error(`tie options apply to ic and threshold, not ${params.model}`);
  return (rs, seeds) => runProgressive(sc, rs, seeds, params.maxSteps, expand);
}

function cascadeRunner(csr: Csr, sc: Scratch, params: ModelParams): RunCascade {
  if (params.model === 'sir') {
    const sir = createSir(csr, sc, params.p ?? 0, params.gamma);
    return (rs, seeds) => sir(rs, seeds, params.maxSteps);
  }
  let expand: LevelExpander;
  switch (params.model) {
    case 'ic':
      if (params.p !== null) expand = icUniform(csr, sc, params.p);
      else if (csr.outValues && csr.values === 'probability')
        expand = icPerArc(csr, sc, arcThresholds(csr.outValues));
      else throw new Error('ic without p needs per-edge probabilities in the graph');
      break;
    case 'wc':
      expand = icPerArc(csr, sc, arcThresholds(weightedCascadeProbabilities(csr)));
      break;
    case 'lt':
      expand = linearThreshold(csr, sc, linearThresholdWeights(csr));
      break;
    case 'threshold':
      expand = fractionalThreshold(csr, sc, adoptionNeeds(csr, params.phi));
      break;
  }
  return (rs, seeds) => runProgressive(sc, rs, seeds, params.maxSteps, expand);
}

export function createSimulator(csr: Csr, params: ModelParams): Simulator {
  validateParams(params);
  const sc = new Scratch(csr.n);
  const via = params.ties ? new Uint32Array(VIA_KINDS) : null;
  const runCascade = via ? tieRunner(csr, sc, params, via) : cascadeRunner(csr, sc, params);
  const pickMark = new Uint32Array(csr.n);
  let pickStamp = 0;

  function runShard(request: Omit<ShardRequest, 'params'>, observe?: RunObserver): ShardResult {
    const { seeds: plan, rngSeed, firstRun, runCount, traceRun } = request;
    validateSeedPlan(plan, csr.n);
    const fixed = plan.kind === 'groups' ? compileSchedule(plan.groups, csr.n) : null;
    const randomSchedule: SeedSchedule | null =
      plan.kind === 'random' ? { nodes: new Uint32Array(plan.k), starts: new Uint32Array(plan.k) } : null;
    const sizes = new Uint32Array(runCount);
    const exposed = new Uint32Array(runCount);
    const lastSteps = new Uint32Array(runCount);
    const nodeCounts = request.nodeCounts ? new Uint32Array(csr.n) : null;
    const curve = new AdoptionCurves();
    const viaRuns = via ? new Uint32Array(VIA_KINDS * runCount) : null;
    let arcsExamined = 0;
    let trace: Trace | null = null;

    for (let i = 0; i < runCount; i++) {
      const run = firstRun + i;
      const rng = new Rng(rngSeed, run);
      let schedule = fixed;
      if (randomSchedule && plan.kind === 'random') {
        pickStamp++;
        pickRandom(rng, csr.n, plan.k, pickMark, pickStamp, randomSchedule.nodes);
        schedule = randomSchedule;
      }
      const seen = sc.nextRun();
      const rs: RunState = {
        rng,
        seen,
        active: seen + 1,
        tail: 0,
        exposed: 0,
        examined: 0,
        tracing: run === traceRun,
      };
      runCascade(rs, schedule as SeedSchedule);
      if (via && viaRuns) {
        viaRuns.set(via, VIA_KINDS * i);
        via.fill(0);
      }
      sizes[i] = rs.tail;
      exposed[i] = rs.exposed;
      lastSteps[i] = curve.addRun(sc);
      if (nodeCounts) for (let j = 0; j < rs.tail; j++) nodeCounts[sc.order[j]]++;
      observe?.(run, sc.order, rs.tail);
      arcsExamined += rs.examined;
      if (rs.tracing) trace = captureTrace(sc, rs, run);
    }
    const stepSquares = curve.take(sc.maxStep);
    const { hopCounts, stepCounts } = sc.takeCounts();
    return {
      firstRun,
      runCount,
      sizes,
      exposed,
      hopCounts,
      stepCounts,
      lastSteps,
      stepSquares,
      nodeCounts,
      arcsExamined,
      trace,
      ...(viaRuns ? { via: viaRuns } : {}),
    };
  }

  return { params, runShard };
}

/**
 * Per-run adoption curves from the shard's running per-step counts: the difference since the
 * previous run is this run's activations by step. Costs O(steps seen so far) per run, small
 * beside the cascade itself.
 */
class AdoptionCurves {
  private previous: Float64Array<ArrayBuffer> = new Float64Array(16);
  private squares: Float64Array<ArrayBuffer> = new Float64Array(16);

  /** Account for the run just finished; returns the step of its last activation. */
  addRun(sc: Scratch): number {
    const counts = sc.stepCounts;
    const top = sc.maxStep;
    if (this.previous.length <= top) {
      this.previous = grow(this.previous, top + 1);
      this.squares = grow(this.squares, top + 1);
    }
    let last = 0;
    for (let t = 0; t <= top; t++) if (counts[t] !== this.previous[t]) last = t;
    let cumulative = 0;
    for (let t = 0; t <= last; t++) {
      cumulative += counts[t] - this.previous[t];
      this.previous[t] = counts[t];
      this.squares[t] += cumulative * cumulative;
    }
    return last;
  }

  /** The shard's sums of squares up to `top`, and reset for the next shard. */
  take(top: number): Float64Array {
    const out = this.squares.slice(0, top + 1);
    this.previous.fill(0);
    this.squares.fill(0);
    return out;
  }
}

function grow(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(Math.max(length, 2 * a.length));
  b.set(a);
  return b;
}

function captureTrace(sc: Scratch, rs: RunState, run: number): Trace {
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
  const exposed = new Uint32Array(rs.exposed);
  let c = 0;
  for (let v = 0; v < sc.n; v++) if (sc.state[v] === rs.seen || sc.state[v] === rs.active) exposed[c++] = v;
  return { run, nodes, steps, hops, parents, exposed };
}
