/**
 * What the six-degrees tab does on its own, as effects on the store (the only place it talks to
 * the worker pool):
 * - the first time the tab is shown for a graph, its distances are asked for;
 * - what was asked for is computed once no simulation is running (both would compete for the
 *   cores), and a new graph cancels a computation for the old one;
 * - while the tab is shown, the structural reach of the current seeds is kept up to date.
 */
import { computed, effect } from '@preact/signals';
import type { App } from '../../core/context.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import { toSeedPlan } from '../../seeds/seeds.ts';
import type { GraphState } from '../../state/types.ts';
import { graphDistances, seedsReach } from './analysis.ts';
import { t } from './messages.ts';
import {
  type DistanceRequest,
  distances,
  mode,
  PANEL_ID,
  request,
  seedKey,
  structural,
  structuralError,
  task,
} from './state.ts';

/** Ask for the distances of the graph on screen in the chosen mode (the Compute button). */
export function askDistances(app: App): void {
  const graph = app.store.graph.value;
  if (graph) request.value = { serial: graph.serial, mode: mode.value };
}

async function computeDistances(app: App, graph: GraphState, asked: DistanceRequest): Promise<void> {
  usePoolGraph(app.pool, graph);
  const result = await task.run({ say: () => t('six.computing') }, (options) =>
    graphDistances(app.pool, graph.loaded.csr, asked.mode, options),
  );
  if (result && app.store.graph.peek() === graph) distances.value = { ...asked, result };
}

export function startSixDegrees(app: App): () => void {
  const { store } = app;
  const shown = computed(() => store.tab.value === PANEL_ID);
  const simulating = computed(() => store.run.value.state === 'running');

  const offAsk = effect(() => {
    const graph = store.graph.value;
    if (!graph || !shown.value || request.peek()?.serial === graph.serial) return;
    request.value = { serial: graph.serial, mode: mode.peek() };
  });

  let started: DistanceRequest | null = null;
  const offCompute = effect(() => {
    const asked = request.value;
    const graph = store.graph.value;
    if (!asked || !graph || asked.serial !== graph.serial) {
      task.cancel();
      return;
    }
    if (simulating.value || started === asked) return;
    started = asked;
    void computeDistances(app, graph, asked);
  });

  let wanted = '';
  const offReach = effect(() => {
    const graph = store.graph.value;
    const seeds = store.scenario.value.seeds;
    if (!graph || !shown.value) return;
    const key = seedKey(graph.serial, seeds);
    if (key === wanted) return;
    wanted = key;
    structuralError.value = null;
    const plan = toSeedPlan(seeds, graph.index);
    const nodes = plan.kind === 'groups' ? plan.groups.flatMap((g) => g.nodes) : [];
    if (plan.kind === 'random' || nodes.length === 0) {
      // Random seeds are drawn anew in every run: there is no one seed set to measure from.
      structural.value = plan.kind === 'random' ? null : { key, within: [0, 0, 0, 0, 0, 0, 0], reachable: 0 };
      return;
    }
    usePoolGraph(app.pool, graph);
    seedsReach(app.pool, nodes, {}).then(
      (reach) => {
        if (wanted === key) structural.value = { key, within: reach.within, reachable: reach.reachable };
      },
      (error: Error) => {
        if (wanted !== key) return;
        wanted = '';
        structuralError.value = { text: error.message };
      },
    );
  });

  return () => {
    offAsk();
    offCompute();
    offReach();
  };
}
