/**
 * Where the Ties tab talks to the outside (installed once by the feature's start()):
 * - the tie kinds of the graph on screen under the scenario's rule, computed once per graph and
 *   rule by the engine's `tieKinds` job (seconds on soc-Slashdot0902, so never on the main
 *   thread) while the lens is on or the tab is open;
 * - the lens: the drawn edges coloured by kind (strong, weak, bridge) through the view's edge
 *   colours, with the legend's section; left alone while playback shows a cascade;
 * - groups files opened or dropped (parsed by src/ties/groups.ts against the graph); the presets;
 * - the removal experiment, one `removalPoint` job per share removed and order, with progress and
 *   cancel (the numbers of `ripple ties --removal` for the same options).
 */
import { batch, effect, untracked } from '@preact/signals';
import type { Platform } from '../../../ties/presets.ts';
import { REMOVAL_RANDOM_SEEDS, type RemovalResult, removalParams } from '../../../ties/removal.ts';
import type { App } from '../../core/context.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import { toSeedPlan } from '../../seeds/seeds.ts';
import type { GraphState } from '../../state/types.ts';
import { t as tt } from '../../ties/messages.ts';
import { fileGroups, groupsNotice } from '../../ties/params.ts';
import { defaultTies, withPreset } from '../../ties/settings.ts';
import { type GroupsFile, groupsError, groupsFile } from '../../ties/state.ts';
import { drawnEdgeKinds, edgeColor, LENS_COLORS, LENS_KINDS } from './lens.ts';
import { t } from './messages.ts';
import {
  type FoundKinds,
  kinds,
  kindsTask,
  lensOn,
  note,
  removal,
  removalRuns,
  removalSteps,
  removalTask,
} from './state.ts';

export const TAB_ID = 'ties';
export const LEGEND_SECTION = 'ties';
/** Louvain's seed and resolution for the bridges: `ripple ties`'s defaults. */
const LOUVAIN = { rngSeed: 1, resolution: 1 };

/** The rule the lens and the removal experiment use: the scenario's, else mutual. */
export function ruleOf(app: App): string {
  return app.store.scenario.value.ties?.strongBy ?? 'mutual';
}

/** Tie kinds found, by graph and rule: switching the rule back shows them again without a job. */
const found = new WeakMap<GraphState, Map<string, FoundKinds>>();

/** Classify the ties of the graph on screen under the rule (once per graph and rule). */
export function computeKinds(app: App, graph: GraphState, strongBy: string): void {
  const known = found.get(graph)?.get(strongBy);
  if (known) {
    kinds.value = known;
    return;
  }
  void kindsTask
    .run(
      { say: () => t('ties.kinds.job') },
      (options) => {
        usePoolGraph(app.pool, graph);
        return app.pool.runJobs('tieKinds', [{ strongBy, ...LOUVAIN }], options);
      },
      graph,
    )
    .then((out) => {
      if (!out) return;
      const value: FoundKinds = { ...out[0], graph, strongBy };
      let byRule = found.get(graph);
      if (!byRule) {
        byRule = new Map();
        found.set(graph, byRule);
      }
      byRule.set(strongBy, value);
      if (app.store.graph.peek() === graph) kinds.value = value;
    });
}

/** A groups file opened or dropped: if it reads against the graph it becomes the groups. */
export async function openGroupsFile(app: App, file: File): Promise<void> {
  const name = file.name;
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const message = (error as Error).message;
    groupsError.value = { say: () => tt('ties.groups.unreadable', { file: name, message }) };
    return;
  }
  const opened: GroupsFile = { name, text };
  const graph = app.store.graph.peek();
  if (graph) {
    try {
      fileGroups(opened, graph);
    } catch (error) {
      groupsError.value = groupsNotice(error);
      return;
    }
  }
  const { store } = app;
  const ties = store.scenario.peek().ties ?? defaultTies();
  batch(() => {
    groupsError.value = null;
    groupsFile.value = opened;
    store.patchScenario({ ties: { ...ties, groups: { kind: 'file', name } } });
    note.value = { say: () => t('ties.groups.using', { name }) };
  });
}

/** The scenario takes a platform preset (closed uses the open groups file, if any). */
export function applyPreset(app: App, platform: Platform): void {
  const { store } = app;
  store.setScenario(withPreset(store.scenario.peek(), platform, groupsFile.peek()?.name ?? null));
  note.value = { say: () => t(`ties.preset.applied.${platform}`) };
}

/** The removal experiment on the graph on screen with the scenario's rule, p, seeds and random seed. */
export async function runRemoval(app: App): Promise<void> {
  const { store, pool } = app;
  const graph = store.graph.peek();
  if (!graph || removalTask.running) return;
  const scenario = store.scenario.peek();
  const p = scenario.params.p;
  if (p === null) {
    note.value = { say: () => t('ties.removal.needP') };
    return;
  }
  const strongBy = scenario.ties?.strongBy ?? 'mutual';
  const planned = toSeedPlan(scenario.seeds, graph.index);
  const fixed = planned.kind === 'groups' && planned.groups.some((g) => g.nodes.length > 0);
  const k = Math.min(REMOVAL_RANDOM_SEEDS, graph.loaded.csr.n);
  const seeds = fixed ? planned : { kind: 'random' as const, k };
  const steps = removalSteps.peek();
  const runs = removalRuns.peek();
  const rngSeed = scenario.rngSeed;
  const inputs = (['weakFirst', 'strongFirst'] as const).flatMap((order) =>
    Array.from({ length: steps }, (_, index) => ({
      strongBy,
      rngSeed,
      order,
      index,
      steps,
      reach: { params: removalParams(p), seeds, runs },
    })),
  );
  note.value = null;
  const out = await removalTask.run({ say: () => t('ties.removal.job', { steps }) }, (options) => {
    usePoolGraph(pool, graph);
    return pool.runJobs('removalPoint', inputs, options);
  });
  if (!out || store.graph.peek() !== graph) return;
  const result: RemovalResult = {
    ties: out[0]?.ties ?? 0,
    weakFirst: out.slice(0, steps).map((o) => o.point),
    strongFirst: out.slice(steps).map((o) => o.point),
  };
  const count = seeds.kind === 'groups' ? seeds.groups.reduce((sum, g) => sum + g.nodes.length, 0) : 0;
  removal.value = {
    graph,
    strongBy,
    p,
    runs,
    seeds: seeds.kind === 'groups' ? { kind: 'groups', count } : { kind: 'random', k },
    result,
  };
}

export function startTies(app: App): void {
  const { store, view } = app;

  store.onNewGraph(() => {
    kindsTask.cancel();
    removalTask.cancel();
    batch(() => {
      kinds.value = null;
      removal.value = null;
      note.value = null;
      groupsError.value = null;
    });
  });

  // The tie kinds, while the lens is on or the tab is open.
  let computing: string | null = null;
  effect(() => {
    const graph = store.graph.value;
    const wanted = lensOn.value || store.tab.value === TAB_ID;
    const strongBy = ruleOf(app);
    const k = kinds.value;
    if (!wanted || !graph || store.run.value.state === 'running') return;
    if (k && k.graph === graph && k.strongBy === strongBy) return;
    untracked(() => {
      if (kindsTask.runningFor(graph) && computing === strongBy) return;
      computing = strongBy;
      computeKinds(app, graph, strongBy);
    });
  });

  // The lens on the drawn edges, and its legend.
  let painted: { view: unknown; kinds: unknown; codes: Uint8Array } | null = null;
  effect(() => {
    const v = view.value;
    const graph = store.graph.value;
    const k = kinds.value;
    const on = lensOn.value && k !== null && k.graph === graph && k.strongBy === ruleOf(app);
    const replaying = store.replaying.value;
    untracked(() => {
      store.setLegend(
        LEGEND_SECTION,
        on
          ? LENS_KINDS.map((kind) => ({ swatch: LENS_COLORS[kind], label: () => t(`ties.lens.${kind}`) }))
          : null,
      );
      // Playback owns the edges while it shows a cascade, and puts back what it found.
      if (!v || replaying) return;
      if (!on || !k || !graph) {
        if (painted?.view === v) v.setEdgeColors(null);
        painted = null;
        return;
      }
      if (painted?.view !== v || painted.kinds !== k)
        painted = { view: v, kinds: k, codes: drawnEdgeKinds(graph.loaded.csr, k.kinds, v.drawnEdgeList) };
      const codes = painted.codes;
      v.setEdgeColors((key) => edgeColor(codes, key));
    });
  });
}
