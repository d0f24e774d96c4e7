/**
 * Every parameter of Ripple in one table, keyed by name: the cascade's (src/diffusion/params.ts),
 * seed finding's, the analyses', the graph loader's, how commands run and how they reach a cluster. Each group is declared
 * beside its code; this joins them and fails at load time on a name or flag declared twice.
 */

import { CENTRALITY_PARAMS } from './analysis/centrality/params.ts';
import { COMMUNITY_PARAMS } from './analysis/communities-params.ts';
import { DISTANCE_PARAMS } from './analysis/distance/params.ts';
import { TIPPING_PARAMS } from './analysis/tipping/params.ts';
import { CALIBRATION_PARAMS } from './calibration/params.ts';
import { CAMPAIGN_PARAMS } from './campaign/params.ts';
import { CLUSTER_PARAMS } from './cluster/params.ts';
import { CRISIS_PARAMS } from './crisis/params.ts';
import { DIFFUSION_PARAMS } from './diffusion/params.ts';
import { OBJECTIVE_PARAMS } from './engine/objective-param.ts';
import { RUN_PARAMS } from './engine/run-params.ts';
import { GRAPH_PARAMS } from './graph/params.ts';
import { SEEDING_PARAMS } from './seeding/params.ts';
import { TIES_PARAMS } from './ties/params.ts';
import { joinParams, type ParamSpec } from './util/param-spec.ts';

export const PARAMS = joinParams(
  GRAPH_PARAMS,
  DIFFUSION_PARAMS,
  SEEDING_PARAMS,
  CAMPAIGN_PARAMS,
  CRISIS_PARAMS,
  OBJECTIVE_PARAMS,
  CALIBRATION_PARAMS,
  TIPPING_PARAMS,
  CENTRALITY_PARAMS,
  DISTANCE_PARAMS,
  COMMUNITY_PARAMS,
  TIES_PARAMS,
  RUN_PARAMS,
  CLUSTER_PARAMS,
);

export type ParamName = keyof typeof PARAMS;

/** The table as a list, in declaration order. */
export const PARAM_LIST: readonly ParamSpec[] = Object.values(PARAMS);
