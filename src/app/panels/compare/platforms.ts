/**
 * "Closed vs open side by side": the scenario run twice on the graph on screen with its seeds,
 * runs and random seed, once with each platform preset (src/ties/presets.ts through
 * src/app/ties/settings.ts: closed = strong ties only plus groups, open = every follow arc, one
 * repost chance), and both results kept as two rows of the Compare tab. Each number is what Run
 * gives after choosing that preset in the Ties tab, and what `ripple simulate --platform` prints.
 */
import { signal } from '@preact/signals';
import { summarize } from '../../../diffusion/summary.ts';
import type { SimulationSummary } from '../../../diffusion/types.ts';
import type { Scenario } from '../../../engine/scenario.ts';
import { PLATFORMS, type Platform } from '../../../ties/presets.ts';
import type { App } from '../../core/context.ts';
import { modelParams } from '../../run/controller.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import { toSeedPlan } from '../../seeds/seeds.ts';
import type { Notice } from '../../state/notice.ts';
import { withTies } from '../../ties/params.ts';
import { withPreset } from '../../ties/settings.ts';
import { groupsFile } from '../../ties/state.ts';
import { Task } from '../../ui/task.ts';
import { addKept } from './kept.ts';
import { t } from './messages.ts';
import { kept } from './state.ts';

export const platformsTask = new Task();
/** Why the comparison could not start (no seeds), or null. */
export const platformsNote = signal<Notice | null>(null);

export async function comparePlatforms(app: App): Promise<void> {
  const { store, pool } = app;
  const graph = store.graph.peek();
  if (!graph || platformsTask.running) return;
  const scenario = store.scenario.peek();
  const seeds = toSeedPlan(scenario.seeds, graph.index);
  if (seeds.kind === 'groups' && seeds.groups.every((g) => g.nodes.length === 0)) {
    platformsNote.value = { say: () => t('compare.platforms.noSeeds') };
    return;
  }
  platformsNote.value = null;
  const file = groupsFile.peek()?.name ?? null;
  const done = await platformsTask.run(
    { say: () => t('compare.platforms.job') },
    async ({ signal, onProgress }) => {
      usePoolGraph(pool, graph);
      const out: { platform: Platform; scenario: Scenario; summary: SimulationSummary }[] = [];
      for (const [i, platform] of PLATFORMS.entries()) {
        const s = withPreset(scenario, platform, file);
        const params = await withTies(pool, s, graph, modelParams(s, graph), { signal });
        const shard = await pool.simulate(
          { params, seeds, runs: s.runs, rngSeed: s.rngSeed, traceRun: null },
          {
            signal,
            onProgress: (p) =>
              onProgress({ ...p, done: i * s.runs + p.done, total: PLATFORMS.length * s.runs }),
          },
        );
        out.push({ platform, scenario: s, summary: summarize(shard) });
      }
      return out;
    },
  );
  if (!done || store.graph.peek() !== graph) return;
  let list = kept.peek();
  for (const r of done)
    list = addKept(list, {
      scenario: r.scenario,
      summary: r.summary,
      nodes: graph.loaded.csr.n,
      graphName: graph.name,
      label: t(`compare.platform.${r.platform}`),
    }).list;
  kept.value = list;
}
