/**
 * Where the Critical mass tab talks to the outside: the worker pool (tippingSweep, the same code
 * and random streams as `ripple tipping`, once per random seed of the repeats, one after the
 * other, each using every worker) and the scenario (its seeds, its random seed). Started once by
 * the feature (feature.ts) before the first graph loads.
 */
import { batch } from '@preact/signals';
import { tippingSweep } from '../../../analysis/tipping/sweep.ts';
import type { TippingOptions } from '../../../analysis/tipping/types.ts';
import type { App } from '../../core/context.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import { toSeedPlan } from '../../seeds/seeds.ts';
import { noticeOf } from '../../state/notice.ts';
import { varyLabel } from './labels.ts';
import { t } from './messages.ts';
import { type Repeat, repeatProgress, summarize } from './repeats.ts';
import { forGraph, readSettings, repeatSeeds, sweepOptions } from './settings.ts';
import { attemptError, draft, sweep, task } from './state.ts';

export const TAB_ID = 'critical-mass';

/** Sweep with the form's settings, once per random seed of the repeats. */
export async function runSweep(app: App): Promise<void> {
  const { store, pool } = app;
  const graph = store.graph.peek();
  if (!graph || task.running) return;
  const n = graph.loaded.csr.n;
  const read = readSettings(draft.peek(), n);
  if ('errors' in read) {
    attemptError.value = {
      say: () => {
        const again = readSettings(draft.value, n);
        return 'errors' in again ? (Object.values(again.errors)[0] ?? '') : '';
      },
    };
    return;
  }
  const settings = read.settings;
  const seeds = repeatSeeds(settings.rngSeed, settings.repeats);
  let options: TippingOptions[];
  try {
    const scenarioSeeds = toSeedPlan(store.scenario.peek().seeds, graph.index);
    if (
      settings.vary !== 'k' &&
      settings.seeds === 'scenario' &&
      scenarioSeeds.kind === 'groups' &&
      scenarioSeeds.groups.length === 0
    ) {
      attemptError.value = { say: () => t('critical.noSeeds') };
      return;
    }
    options = seeds.map((rng) => sweepOptions(graph, settings, scenarioSeeds, rng));
  } catch (error) {
    attemptError.value = noticeOf(error);
    return;
  }
  attemptError.value = null;
  const { vary } = settings;
  const repeats = await task.run(
    { say: () => t('critical.phase', { what: varyLabel(vary) }) },
    async ({ signal, onProgress }) => {
      usePoolGraph(pool, graph);
      const done: Repeat[] = [];
      const finishedRuns: number[] = [];
      const started = performance.now();
      for (const [i, rngSeed] of seeds.entries()) {
        if (seeds.length > 1)
          task.phase({
            say: () =>
              t('critical.phaseRepeat', {
                what: varyLabel(vary),
                rng: String(rngSeed),
                index: i + 1,
                count: seeds.length,
              }),
          });
        const result = await tippingSweep(pool, graph.loaded.csr, options[i], {
          signal,
          onProgress: (p) =>
            onProgress(repeatProgress(finishedRuns, p, seeds.length, performance.now() - started)),
        });
        done.push({ rngSeed, result });
        finishedRuns.push(result.runsTotal);
      }
      return done;
    },
  );
  if (!repeats || store.graph.peek() !== graph) return;
  sweep.value = { graphSerial: graph.serial, settings, repeats, summary: summarize(repeats) };
}

/** Wire the tab to the app: a new graph cancels the sweep, forgets the result and resets the ranges. */
export function startCriticalMass(app: App): void {
  const { store } = app;
  store.onNewGraph((graph) => {
    task.cancel();
    batch(() => {
      sweep.value = null;
      attemptError.value = null;
      draft.value = forGraph(draft.peek(), graph, store.scenario.peek().rngSeed);
    });
  });
}
