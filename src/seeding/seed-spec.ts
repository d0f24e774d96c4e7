/**
 * Seed lists as users write them, resolved against a loaded graph:
 *   ids            "a,b,c"          node ids exactly as in the file
 *   top by degree  "top:degree:K"   the K nodes with most out-arcs in the reach direction,
 *                                   ties broken by first appearance in the file
 *   random         "random:K"       a fresh uniformly random set of K nodes in every run
 * Staggered launches: groups separated by ";", each optionally ending in "@STEP" (its start step),
 * e.g. "a,b;c@3" launches a and b at step 0 and c at step 3.
 */
import { OptionError } from '../diffusion/defaults.ts';
import type { SeedGroup, SeedPlan } from '../diffusion/types.ts';
import { topByOutDegree } from '../graph/csr.ts';
import type { Csr } from '../graph/types.ts';

export interface SeedGraph {
  csr: Csr;
  ids: string[];
}

function wholeNumber(text: string, what: string, max: number): number {
  const k = Number(text);
  if (!/^\d+$/.test(text) || k < 1 || k > max) {
    throw new OptionError(`seeds: ${what} expects a whole number from 1 to ${max}, got '${text}'`);
  }
  return k;
}

function indexOf(graph: SeedGraph): Map<string, number> {
  const map = new Map<string, number>();
  graph.ids.forEach((id, i) => {
    map.set(id, i);
  });
  return map;
}

function parseGroup(text: string, graph: SeedGraph, lookup: () => Map<string, number>): SeedGroup {
  let body = text.trim();
  let start = 0;
  const at = body.lastIndexOf('@');
  if (at >= 0) {
    const step = body.slice(at + 1).trim();
    if (!/^\d+$/.test(step))
      throw new OptionError(`seeds: '@${step}' must give a start step (a whole number >= 0)`);
    start = Number(step);
    body = body.slice(0, at).trim();
  }
  const top = /^top:degree:(.+)$/.exec(body);
  if (top)
    return { nodes: topByOutDegree(graph.csr, wholeNumber(top[1], 'top:degree:K', graph.csr.n)), start };
  if (body === '') throw new OptionError('seeds: empty seed group');
  const map = lookup();
  const nodes = body.split(',').map((raw) => {
    const id = raw.trim();
    const v = map.get(id);
    if (v === undefined) throw new OptionError(`seeds: no node with id '${id}' in the graph`);
    return v;
  });
  return { nodes, start };
}

export function parseSeedSpec(spec: string, graph: SeedGraph): SeedPlan {
  const text = spec.trim();
  const random = /^random:(.+)$/.exec(text);
  if (random) return { kind: 'random', k: wholeNumber(random[1], 'random:K', graph.csr.n) };
  let map: Map<string, number> | null = null;
  const lookup = () => {
    map ??= indexOf(graph);
    return map;
  };
  const groups = text.split(';').map((g) => parseGroup(g, graph, lookup));
  return { kind: 'groups', groups };
}

/** The seed ids of a plan, for reports (null for random plans). */
export function describeSeeds(plan: SeedPlan, ids: string[]): { ids: string[]; start: number }[] | string {
  if (plan.kind === 'random') return `random:${plan.k}`;
  return plan.groups.map((g) => ({ ids: g.nodes.map((v) => ids[v]), start: g.start }));
}
