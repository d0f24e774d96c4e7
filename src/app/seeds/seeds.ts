/**
 * Seed groups as the scenario stores them (node ids) and as the engine needs them (indices):
 * toggling, top-K by a metric, and the conversion. Pure functions over the scenario.
 */
import type { SeedPlan } from '../../diffusion/types.ts';
import type { Scenario, ScenarioSeedGroup } from '../../engine/scenario.ts';
import { topK } from '../../util/top-k.ts';
import type { GraphFacts } from '../state/types.ts';

export type SeedMetric = 'degree' | 'indegree' | 'pagerank';

type Seeds = Scenario['seeds'];

export function groupsOf(seeds: Seeds): ScenarioSeedGroup[] {
  return seeds.kind === 'groups' ? seeds.groups : [];
}

/** Every seed id of any group. */
export function allSeedIds(seeds: Seeds): Set<string> {
  const ids = new Set<string>();
  for (const g of groupsOf(seeds)) for (const id of g.ids) ids.add(id);
  return ids;
}

/** Add id to group `target` if it is a seed nowhere, else remove it from every group. */
export function toggleSeed(seeds: Seeds, id: string, target: number): Seeds {
  const groups = groupsOf(seeds).map((g) => ({ ...g, ids: [...g.ids] }));
  if (groups.some((g) => g.ids.includes(id))) {
    for (const g of groups) g.ids = g.ids.filter((x) => x !== id);
    return { kind: 'groups', groups };
  }
  return addSeeds({ kind: 'groups', groups }, [id], target);
}

/** Add ids (those not already seeds) to group `target`, creating groups up to it. */
export function addSeeds(seeds: Seeds, ids: string[], target: number): Seeds {
  const groups = groupsOf(seeds).map((g) => ({ ...g, ids: [...g.ids] }));
  while (groups.length <= target) groups.push({ ids: [], start: 0 });
  const present = allSeedIds({ kind: 'groups', groups });
  for (const id of ids) if (!present.has(id)) groups[target].ids.push(id);
  return { kind: 'groups', groups };
}

/** Node indices of the top k by a metric; ties by first appearance in the file. */
export function topBy(facts: GraphFacts, metric: SeedMetric, k: number): number[] {
  const score: ArrayLike<number> =
    metric === 'pagerank' && facts.pagerank
      ? facts.pagerank
      : metric === 'indegree'
        ? facts.inDegree
        : facts.outDegree;
  return topK(score, k);
}

/** The engine's seed plan, skipping ids not in the graph and empty groups. */
export function toSeedPlan(seeds: Seeds, index: Map<string, number>): SeedPlan {
  if (seeds.kind === 'random') return seeds;
  const groups = seeds.groups
    .map((g) => ({
      nodes: g.ids.map((id) => index.get(id)).filter((v): v is number => v !== undefined),
      start: g.start,
    }))
    .filter((g) => g.nodes.length > 0);
  return { kind: 'groups', groups };
}

/** Keep only ids that exist in the graph (after loading another file). */
export function keepKnown(seeds: Seeds, index: Map<string, number>): Seeds {
  if (seeds.kind === 'random') return seeds;
  return {
    kind: 'groups',
    groups: seeds.groups.map((g) => ({ ...g, ids: g.ids.filter((id) => index.has(id)) })),
  };
}
