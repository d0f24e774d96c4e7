/**
 * A run's model parameters with the scenario's tie settings (settings.ts), once its groups are
 * known: none, the Louvain communities of the graph (the engine's `louvain` job with the scenario's
 * random seed, as `--groups communities` does; kept per graph and seed), or the groups file open in
 * the page, parsed against the graph (src/ties/groups.ts). The run controller and the Compare tab's
 * "closed vs open" call it; a file the page does not have, or p left to the file, is a NoticeError.
 */
import type { ModelParams } from '../../diffusion/types.ts';
import type { EnginePool, RunOptions } from '../../engine/pool.ts';
import type { Scenario } from '../../engine/scenario.ts';
import { communityGroups, GroupsError, parseGroups } from '../../ties/groups.ts';
import { type Notice, NoticeError } from '../state/notice.ts';
import type { GraphState } from '../state/types.ts';
import { t } from './messages.ts';
import { groupsNeeded, TiesNeedP, tieParams } from './settings.ts';
import { type GroupsFile, groupsFile } from './state.ts';

/** Louvain's resolution for communities as groups: the command line's default. */
const RESOLUTION = 1;

const communities = new WeakMap<GraphState, Map<number, Promise<number[][]>>>();

/**
 * The Louvain communities of the graph (rng seed `rngSeed`) as groups, computed once per graph and
 * seed; the pool must hold the graph (src/app/run/pool-graph.ts usePoolGraph).
 */
export function communitiesAsGroups(
  pool: EnginePool,
  graph: GraphState,
  rngSeed: number,
  options: RunOptions = {},
): Promise<number[][]> {
  let bySeed = communities.get(graph);
  if (!bySeed) {
    bySeed = new Map();
    communities.set(graph, bySeed);
  }
  let found = bySeed.get(rngSeed);
  if (!found) {
    const forget = bySeed;
    found = pool
      .runJobs('louvain', [{ rngSeed, resolution: RESOLUTION }], options)
      .then(([out]) => communityGroups(out.community, out.count));
    // A cancelled or failed computation is not kept.
    found.catch(() => forget.delete(rngSeed));
    bySeed.set(rngSeed, found);
  }
  return found;
}

/** What is wrong with a groups file, in the page's language. */
export function groupsNotice(error: unknown): Notice {
  if (!(error instanceof GroupsError))
    return { text: error instanceof Error ? error.message : String(error) };
  const { file, line, problem } = error;
  switch (problem.kind) {
    case 'badLine':
      return {
        say: () =>
          t(problem.csv ? 'ties.groups.badCsvLine' : 'ties.groups.badLine', {
            file,
            line: line ?? 0,
            got: problem.got,
          }),
      };
    case 'empty':
      return {
        say: () =>
          t('ties.groups.empty', { file, line: line ?? 0, group: problem.group, listed: problem.listed }),
      };
    case 'noGroups':
      return { say: () => t('ties.groups.noGroups', { file }) };
  }
}

/** The groups of an open file against a graph (throws GroupsError). */
export function fileGroups(file: GroupsFile, graph: GraphState) {
  return parseGroups(file.text, file.name, graph.index);
}

/**
 * `plain` with the scenario's tie parameters (groups resolved), or as it is without tie settings;
 * the pool must hold the graph.
 */
export async function withTies(
  pool: EnginePool,
  scenario: Scenario,
  graph: GraphState,
  plain: ModelParams,
  options: RunOptions = {},
): Promise<ModelParams> {
  if (!scenario.ties) return plain;
  const needed = groupsNeeded(scenario);
  let groups: number[][] = [];
  if (needed.kind === 'communities')
    groups = await communitiesAsGroups(pool, graph, scenario.rngSeed, options);
  else if (needed.kind === 'file') {
    const file = groupsFile.peek();
    const name = needed.name;
    if (!file || file.name !== name) throw new NoticeError({ say: () => t('ties.needFile', { name }) });
    try {
      groups = fileGroups(file, graph).groups;
    } catch (error) {
      throw new NoticeError(groupsNotice(error));
    }
  }
  try {
    const ties = tieParams(scenario, groups);
    return ties ? { ...plain, ties } : plain;
  } catch (error) {
    if (error instanceof TiesNeedP) throw new NoticeError({ say: () => t('ties.needP') });
    throw error;
  }
}
