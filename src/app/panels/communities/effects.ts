/**
 * Where the Communities tab meets the outside (installed once by the feature's start()):
 * - another graph: the task stops, the old graph's communities and notes go;
 * - the tab on screen with a graph, no communities for it yet and no run going: Louvain runs in
 *   the workers;
 * - the graph is coloured by community (and a picked community stands out) only while the tab is
 *   open, so the colours never hide a run's reach heat map; the legend's section follows.
 * Plus the two worker actions the tab starts: find communities, one seed per community.
 */
import { batch, effect, untracked } from '@preact/signals';
import type { RunOptions } from '../../../engine/pool.ts';
import type { App } from '../../core/context.ts';
import type { GraphState, Notice } from '../../state/types.ts';
import { computeCommunities, computeHeavy, computeLight, lightFor } from '../leaders/compute.ts';
import { metricLabel } from '../leaders/labels.ts';
import { bookOf, metricsFor } from '../leaders/metric-book.ts';
import { communityLegend } from './legend.ts';
import { t } from './messages.ts';
import { communityColor, OTHER_COMMUNITY } from './palette.ts';
import { onePerCommunity } from './seeding.ts';
import {
  colorOn,
  found,
  picked,
  resolution,
  rngSeed,
  seedCount,
  seedMetric,
  seedNote,
  task,
} from './state.ts';

export const COLOR_LAYER = 'communities-color';
export const PICK_LAYER = 'communities-pick';
export const LEGEND_SECTION = 'communities';

function runTask<T>(
  graph: GraphState,
  label: Notice,
  work: (options: Required<RunOptions>) => Promise<T>,
): Promise<T | null> {
  return task.run(label, work, graph);
}

/** Run Louvain on the graph on screen with the tab's settings. */
export function findCommunities(app: App): void {
  const graph = app.store.graph.peek();
  if (!graph) return;
  const seed = rngSeed.peek();
  const gamma = resolution.peek();
  void runTask(graph, { say: () => t('communities.job') }, (options) =>
    computeCommunities(app.pool, graph, seed, gamma, options),
  ).then((result) => {
    if (!result || app.store.graph.peek() !== graph) return;
    batch(() => {
      found.value = { ...result, graph, rngSeed: seed, resolution: gamma };
      picked.value = null;
    });
  });
}

/**
 * Replace the seeds with the best account by the chosen metric in each of the largest
 * communities (computing the metric first when needed).
 */
export async function seedPerCommunity(app: App): Promise<void> {
  const { store } = app;
  const f = found.peek();
  const graph = store.graph.peek();
  if (!f || !graph || f.graph !== graph) return;
  const metric = seedMetric.peek();
  const book = bookOf(graph);
  const k = Math.max(1, Math.min(f.count, seedCount.peek()));
  let scores = book.get(metric);
  if (!scores) {
    if (metric === 'influence') {
      seedNote.value = { say: () => t('communities.seed.noInfluence') };
      return;
    }
    const light = lightFor(graph).includes(metric);
    await runTask(
      graph,
      { say: () => t('communities.seed.computing', { metric: metricLabel(metric) }) },
      (options) =>
        light
          ? computeLight(app.pool, graph, book, options)
          : computeHeavy(app.pool, graph, metric, book, options),
    );
    scores = book.get(metric);
    if (!scores || store.graph.peek() !== graph) return;
  }
  const ids = onePerCommunity(f.community, scores, k).map((v) => graph.loaded.ids[v]);
  store.patchScenario({ seeds: { kind: 'groups', groups: [{ ids, start: 0 }] } });
  seedNote.value = { say: () => t('communities.seed.done', { count: ids.length }) };
}

export function startCommunitiesEffects(app: App): void {
  const { store, view } = app;

  store.onNewGraph((graph) => {
    task.cancel();
    batch(() => {
      found.value = null;
      picked.value = null;
      seedNote.value = null;
      // In- and out-degree are degree on an undirected graph (no such choice there).
      if (graph && !metricsFor(graph.loaded.csr.directed).includes(seedMetric.value))
        seedMetric.value = 'degree';
    });
  });

  effect(() => {
    const graph = store.graph.value;
    const f = found.value;
    if (store.tab.value !== 'communities' || !graph || store.run.value.state === 'running') return;
    if (f && f.graph === graph) return;
    untracked(() => {
      if (!task.runningFor(graph)) findCommunities(app);
    });
  });

  effect(() => {
    const v = view.value;
    const graph = store.graph.value;
    const f0 = found.value;
    // Colours only while this tab is open, so they never hide a run's reach heat map.
    const f = store.tab.value === 'communities' && f0 && f0.graph === graph ? f0 : null;
    const colored = colorOn.value;
    const p = picked.value;
    untracked(() => {
      store.setLegend(LEGEND_SECTION, f && v ? communityLegend(f.count, p, colored) : null);
      if (!v) return;
      const { community } = f ?? { community: null };
      v.setLayer(
        COLOR_LAYER,
        community && colored ? (i) => ({ color: communityColor(community[i] ?? -1) }) : null,
      );
      v.setLayer(
        PICK_LAYER,
        community && p !== null
          ? (i) => (community[i] === p ? { zIndex: 2 } : { color: OTHER_COMMUNITY, zIndex: 0 })
          : null,
      );
    });
  });
}
