/**
 * Running the scenario: resolve the model parameters (with the tie settings, src/app/ties), turn
 * seed ids into indices, simulate in the browser worker pool (run 0 traced for playback, per-node
 * counts for the reach heat map), and publish progress and the result through the store.
 */
import { resolveParams } from '../../diffusion/defaults.ts';
import { summarize } from '../../diffusion/summary.ts';
import type { ModelParams } from '../../diffusion/types.ts';
import { AbortError, type EnginePool } from '../../engine/pool.ts';
import type { Scenario } from '../../engine/scenario.ts';
import { toSeedPlan } from '../seeds/seeds.ts';
import { noticeOf } from '../state/notice.ts';
import type { Store } from '../state/store.ts';
import type { GraphState } from '../state/types.ts';
import { withTies } from '../ties/params.ts';
import { t } from './messages.ts';
import { usePoolGraph } from './pool-graph.ts';

/** Model parameters for the engine; throws OptionError naming the bad one. */
export function modelParams(scenario: Scenario, graph: GraphState): ModelParams {
  const { p, gamma, phi, maxSteps } = scenario.params;
  const useFile = scenario.model === 'ic' && p === null;
  return resolveParams(
    { model: scenario.model, p: useFile ? null : (p ?? undefined), gamma, phi, maxSteps },
    graph.loaded.csr,
  );
}

/**
 * Per-node activation counts (the reach heat map) only up to this many nodes: every shard sends
 * an n-sized array (the pool adds them up as they arrive), which beyond this size costs more in
 * messages than the heat map is worth.
 */
export const NODE_COUNTS_MAX_NODES = 250_000;

export class RunController {
  private controller: AbortController | null = null;

  constructor(
    private readonly store: Store,
    private readonly pool: EnginePool,
  ) {}

  get running(): boolean {
    return this.controller !== null;
  }

  async run(): Promise<void> {
    if (this.controller) return;
    const { store } = this;
    const graph = store.graph.value;
    const scenario = store.scenario.value;
    if (!graph) {
      store.setRun({ state: 'error', error: { say: () => t('run.noGraph') } });
      return;
    }
    const seeds = toSeedPlan(scenario.seeds, graph.index);
    if (seeds.kind === 'groups' && seeds.groups.length === 0) {
      store.setRun({ state: 'error', error: { say: () => t('run.noSeeds') } });
      return;
    }
    let params: ModelParams;
    try {
      params = modelParams(scenario, graph);
    } catch (error) {
      store.setRun({ state: 'error', error: { text: (error as Error).message } });
      return;
    }
    usePoolGraph(this.pool, graph);
    const controller = new AbortController();
    this.controller = controller;
    const started = performance.now();
    store.setRun({ state: 'running', done: 0, total: scenario.runs, elapsedMs: 0, etaMs: null, error: null });
    try {
      // Strong and weak ties: groups resolved (communities in the workers, a file opened here).
      params = await withTies(this.pool, scenario, graph, params, { signal: controller.signal });
      const shard = await this.pool.simulate(
        {
          params,
          seeds,
          runs: scenario.runs,
          rngSeed: scenario.rngSeed,
          traceRun: 0,
          nodeCounts: graph.loaded.csr.n <= NODE_COUNTS_MAX_NODES,
        },
        {
          signal: controller.signal,
          onProgress: (p) =>
            store.setRun({ done: p.done, total: p.total, elapsedMs: p.elapsedMs, etaMs: p.etaMs }),
        },
      );
      const summary = summarize(shard);
      const seconds = (performance.now() - started) / 1000;
      store.setResult({
        shard,
        summary,
        scenario,
        graphSerial: graph.serial,
        seedGroups: seeds.kind === 'groups' ? seeds.groups : [],
        seconds,
      });
      store.setRun({ state: 'done', done: shard.runCount, etaMs: 0, elapsedMs: seconds * 1000 });
    } catch (error) {
      if (error instanceof AbortError) store.setRun({ state: 'cancelled', etaMs: null });
      else store.setRun({ state: 'error', error: noticeOf(error) });
    } finally {
      this.controller = null;
    }
  }

  cancel(): void {
    this.controller?.abort();
  }
}
