/**
 * The Monte Carlo engine: a simulator is created once per (graph, model parameters) with all its
 * scratch space and per-arc tables, then runs shards of runs. Run r of a scenario always uses
 * the random stream (rngSeed, r), so any split of runs over workers gives identical outcomes.
 */
import { type RelabelOrder, relabelling } from '../graph/relabel.ts';
import { parseStrongBy, strongArcs } from '../graph/ties.ts';
import type { Csr } from '../graph/types.ts';
import { probabilityThreshold, Rng } from '../util/rng.ts';
import { validateParams } from './defaults.ts';
import { arcThresholds, icPerArc, icUniform, weightedCascadeThresholds } from './ic.ts';
import { icTies, indexGroups } from './ic-ties.ts';
import { createWasmIc, type RunCounters, type WasmTies } from './ic-wasm.ts';
import { linearThreshold, linearThresholdWeights } from './lt.ts';
import { type LevelExpander, type RunState, runProgressive, type SeedSchedule } from './run-state.ts';
import { Scratch } from './scratch.ts';
import { compileSchedule, pickRandom, validateSeedPlan } from './seeds.ts';
import { createSir } from './sir.ts';
import { StepTotals } from './step-totals.ts';
import { adoptionNeeds, fractionalThreshold } from './threshold.ts';
import { strongAdoptionNeeds, strongThreshold } from './threshold-ties.ts';
import {
  type ModelParams,
  type ShardRequest,
  type ShardResult,
  type Trace,
  VIA_KINDS,
  VIA_STRONG,
  VIA_WEAK,
} from './types.ts';

/**
 * Told after each run of a shard: the run index and the accounts active at its end
 * (active[0 .. count), a view of scratch space valid only during the call).
 */
export type RunObserver = (run: number, active: Uint32Array, count: number) => void;

export interface Simulator {
  readonly params: ModelParams;
  /** Which kernel runs the cascades: the compiled IC loop (ic-wasm.ts) or the JS kernels. */
  readonly engine: 'wasm' | 'js';
  /** The relabelling of the graph the kernel walks, if any (results are always in file numbers). */
  readonly relabel: RelabelOrder | null;
  runShard(request: Omit<ShardRequest, 'params'>, observe?: RunObserver): ShardResult;
}

/**
 * How to run (results are identical either way; tests and the benchmark pin one). engine 'auto'
 * compiles the IC loop (ic, wc, ic with file probabilities, and ic with tie kinds but no groups)
 * to WebAssembly where it can and falls back to the JS kernels. relabel stores the compiled loop's graph in
 * breadth-first or degree order (src/graph/relabel.ts); off by default: on a 300k-node / 3M-arc
 * power-law graph breadth-first order bought a few per cent per run for about 0.3 s of set-up per
 * simulator (bench/peers/ic.ts, bench/RESULTS.md).
 */
export interface SimulatorOptions {
  engine?: 'auto' | 'wasm' | 'js';
  relabel?: RelabelOrder | null;
}

type RunCascade = (rs: RunState, seeds: SeedSchedule) => void;

/**
 * The tie-aware JS kernels (ic-ties.ts, threshold-ties.ts), chosen when params.ties is given and
 * the compiled loop does not run it (ic with groups, threshold, engine 'js', no WebAssembly); the
 * arcs are classified here, once per simulator. `via` collects each run's credited adoptions.
 */
function tieRunner(csr: Csr, sc: Scratch, params: ModelParams, via: Uint32Array): RunCascade {
  const ties = params.ties;
  if (!ties) throw new Error('tieRunner: no tie parameters');
  const strong = classifyTies(csr, params);
  let expand: LevelExpander;
  if (params.model === 'ic') {
    const groups = ties.groups.length > 0 ? indexGroups(csr.n, ties.groups) : null;
    expand = icTies(csr, sc, strong, ties, groups, via);
  } else if (params.model === 'threshold') {
    expand = strongThreshold(csr, sc, strong, strongAdoptionNeeds(csr, strong, params.phi), via);
  } else throw new Error(`tie options apply to ic and threshold, not ${params.model}`);
  return (rs, seeds) => runProgressive(sc, rs, seeds, params.maxSteps, expand);
}

/** The strong arcs under params.ties.strongBy (1 per strong out-arc). */
function classifyTies(csr: Csr, params: ModelParams): Uint8Array {
  const by = parseStrongBy(params.ties?.strongBy ?? 'mutual');
  if ('error' in by) throw new Error(`strongBy: ${by.error}`);
  return strongArcs(csr, by);
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
      expand = icPerArc(csr, sc, weightedCascadeThresholds(csr));
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

export function createSimulator(csr: Csr, params: ModelParams, options: SimulatorOptions = {}): Simulator {
  validateParams(params);
  const backend = createBackend(csr, params, options);
  const { sc, toOld } = backend;
  const pickMark = new Uint32Array(csr.n);
  let pickStamp = 0;
  const totals = new StepTotals();
  const rng = new Rng(0, 0);
  let fileOrder: Uint32Array | null = null;

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
    const via = backend.via;
    const viaRuns = via ? new Uint32Array(VIA_KINDS * runCount) : null;
    let arcsExamined = 0;
    let trace: Trace | null = null;

    if (fixed) backend.setSeeds(fixed);
    for (let i = 0; i < runCount; i++) {
      const run = firstRun + i;
      // The run's stream is (rngSeed, run); a compiled kernel derives it itself unless seeds were
      // drawn from it first.
      let drawn: Rng | null = null;
      if (randomSchedule && plan.kind === 'random') {
        rng.reset(rngSeed, run);
        pickStamp++;
        pickRandom(rng, csr.n, plan.k, pickMark, pickStamp, randomSchedule.nodes);
        backend.setSeeds(randomSchedule);
        drawn = rng;
      }
      const seen = sc.nextRun();
      const tracing = run === traceRun;
      const r = backend.run(rngSeed, run, drawn, seen, tracing);
      if (via && viaRuns) {
        viaRuns.set(via, VIA_KINDS * i);
        via.fill(0);
      }
      const count = r.activated;
      sizes[i] = count;
      exposed[i] = r.exposed;
      lastSteps[i] = totals.addRun(sc.levels, sc.levelCount);
      const order = sc.order;
      if (nodeCounts) {
        if (toOld) for (let j = 0; j < count; j++) nodeCounts[toOld[order[j]]]++;
        else for (let j = 0; j < count; j++) nodeCounts[order[j]]++;
      }
      if (observe) {
        if (toOld) {
          fileOrder ??= new Uint32Array(csr.n);
          for (let j = 0; j < count; j++) fileOrder[j] = toOld[order[j]];
          observe(run, fileOrder, count);
        } else observe(run, order, count);
      }
      arcsExamined += r.examined;
      sc.noteRun(count, r.examined);
      if (tracing) {
        pickStamp++;
        trace = captureTrace(backend, seen, count, run, pickMark, pickStamp);
      }
    }
    const hopCounts = sc.takeHopCounts();
    const { stepCounts, stepSquares } = totals.take();
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

  return { params, engine: backend.engine, relabel: backend.relabel, runShard };
}

/** What runs one cascade, and where its results are read. */
interface Backend {
  engine: 'wasm' | 'js';
  relabel: RelabelOrder | null;
  sc: Scratch;
  /** Stored node number -> file node number, when the kernel's graph is relabelled. */
  toOld: Uint32Array | null;
  /** The out-rows the kernel walks (stored numbers). */
  outOffsets: Uint32Array;
  outTargets: Uint32Array;
  /** Exposures can come through something other than out-arcs (tie groups): trace scans all nodes. */
  exposesOffArcs: boolean;
  via: Uint32Array | null;
  /** The seeds of the next runs. */
  setSeeds(seeds: SeedSchedule): void;
  /** One run on `rng` as it stands, or on a fresh stream (rngSeed, run) when rng is null. */
  run(rngSeed: number, run: number, rng: Rng | null, seen: number, tracing: boolean): RunCounters;
}

function createBackend(csr: Csr, params: ModelParams, options: SimulatorOptions): Backend {
  const ties = params.ties;
  // Tie kinds compile for ic without groups (ic-ties.ts's arc loop); groups keep the JS kernel.
  const compiledTies = params.model === 'ic' && ties !== undefined && ties.groups.length === 0;
  const compiled =
    (params.model === 'ic' || params.model === 'wc') && (!ties || compiledTies) && options.engine !== 'js';
  if (compiled) {
    let threshold: number | null = null;
    let perArc: Uint32Array | null = null;
    let tieKinds: WasmTies | null = null;
    if (compiledTies && ties) {
      tieKinds = {
        strong: classifyTies(csr, params),
        thrStrong: probabilityThreshold(ties.pStrong),
        thrWeak: probabilityThreshold(ties.pWeak),
      };
    } else if (params.model === 'ic' && params.p !== null) threshold = probabilityThreshold(params.p);
    else if (params.model === 'wc') perArc = weightedCascadeThresholds(csr);
    else if (csr.outValues && csr.values === 'probability') perArc = arcThresholds(csr.outValues);
    if (threshold !== null || perArc !== null || tieKinds !== null) {
      const order = options.relabel ?? null;
      const r = order ? relabelling(csr, order) : null;
      const ic = createWasmIc(csr, threshold, perArc, r, tieKinds);
      if (ic) {
        ic.sc.trackRows(ic.outOffsets, ic.outTargets);
        const maxSteps = params.maxSteps;
        const via = tieKinds ? new Uint32Array(VIA_KINDS) : null;
        return {
          engine: 'wasm',
          relabel: order,
          sc: ic.sc,
          toOld: r ? r.toOld : null,
          outOffsets: ic.outOffsets,
          outTargets: ic.outTargets,
          exposesOffArcs: false,
          via,
          setSeeds: (seeds) => ic.setSeeds(seeds),
          run: via
            ? (rngSeed, run, rng, seen, tracing) => {
                const counters = ic.run(rngSeed, run, rng, seen, maxSteps, tracing);
                via[VIA_STRONG] = counters.viaStrong;
                via[VIA_WEAK] = counters.viaWeak;
                return counters;
              }
            : (rngSeed, run, rng, seen, tracing) => ic.run(rngSeed, run, rng, seen, maxSteps, tracing),
        };
      }
      if (options.engine === 'wasm') throw new Error('createSimulator: WebAssembly is not available here');
    }
  }
  if (options.engine === 'wasm') throw new Error(`createSimulator: no compiled kernel for ${params.model}`);
  const sc = new Scratch(csr.n);
  if ((params.ties?.groups.length ?? 0) === 0) sc.trackRows(csr.outOffsets, csr.outTargets);
  const via = params.ties ? new Uint32Array(VIA_KINDS) : null;
  const runCascade = via ? tieRunner(csr, sc, params, via) : cascadeRunner(csr, sc, params);
  const own = new Rng(0, 0);
  const counters: RunCounters = { activated: 0, exposed: 0, examined: 0, viaStrong: 0, viaWeak: 0 };
  let seeds: SeedSchedule = { nodes: new Uint32Array(0), starts: new Uint32Array(0) };
  return {
    engine: 'js',
    relabel: null,
    sc,
    toOld: null,
    outOffsets: csr.outOffsets,
    outTargets: csr.outTargets,
    exposesOffArcs: (params.ties?.groups.length ?? 0) > 0,
    via,
    setSeeds(next) {
      seeds = next;
    },
    run(rngSeed, run, drawn, seen, tracing) {
      let rng = drawn;
      if (!rng) {
        own.reset(rngSeed, run);
        rng = own;
      }
      const rs: RunState = { rng, seen, active: seen + 1, tail: 0, exposed: 0, examined: 0, tracing };
      runCascade(rs, seeds);
      counters.activated = rs.tail;
      counters.exposed = rs.exposed;
      counters.examined = rs.examined;
      return counters;
    },
  };
}

/**
 * The traced run, in file node numbers. Its exposed accounts are the activated ones and the
 * out-neighbours of activated ones that hold this run's marks: every exposure comes down an arc
 * from an active account (or is a seed), so this costs the run's own arcs, not n (tie groups,
 * which expose members off the arcs, scan every node).
 */
function captureTrace(
  backend: Backend,
  seen: number,
  count: number,
  run: number,
  mark: Uint32Array,
  stamp: number,
): Trace {
  const { sc, toOld, outOffsets, outTargets } = backend;
  const file = (v: number) => (toOld ? toOld[v] : v);
  const nodes = new Uint32Array(count);
  const steps = new Uint32Array(count);
  const hops = new Uint32Array(count);
  const parents = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const v = sc.order[i];
    nodes[i] = file(v);
    steps[i] = sc.step[v];
    hops[i] = sc.hop[v];
    parents[i] = sc.parent[v] < 0 ? sc.parent[v] : file(sc.parent[v]);
  }
  const state = sc.state;
  const active = seen + 1;
  const found: number[] = [];
  if (backend.exposesOffArcs) {
    for (let v = 0; v < sc.n; v++) if (state[v] === seen || state[v] === active) found.push(file(v));
  } else {
    const note = (v: number) => {
      if (mark[v] !== stamp && (state[v] === seen || state[v] === active)) {
        mark[v] = stamp;
        found.push(file(v));
      }
    };
    for (let i = 0; i < count; i++) {
      const u = sc.order[i];
      note(u);
      for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) note(outTargets[k]);
    }
  }
  const exposed = Uint32Array.from(found).sort();
  return { run, nodes, steps, hops, parents, exposed };
}
