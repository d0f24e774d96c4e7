/**
 * `--objective`: one option shared by two capabilities, so it is declared once here with every
 * value, and each command offers its own subset (adapt(..., {only})):
 *   the campaign planner (src/campaign): reach, exposure, conversions
 *   crisis watch's monitors (src/crisis): detect, time, affected
 */
import { enumParam } from '../util/param-spec.ts';

export const PLAN_OBJECTIVES = ['reach', 'exposure', 'conversions'] as const;
export type PlanObjective = (typeof PLAN_OBJECTIVES)[number];
export const WATCH_OBJECTIVES = ['detect', 'time', 'affected'] as const;
export type WatchObjective = (typeof WATCH_OBJECTIVES)[number];

export const ANY_OBJECTIVE = enumParam<PlanObjective | WatchObjective, 'reach'>({
  name: 'objective',
  flag: 'objective',
  metavar: 'O',
  label: { en: 'Objective', zh: '目标' },
  help: { en: 'what the choice maximises', zh: '选择要最大化的指标' },
  default: 'reach',
  values: [...PLAN_OBJECTIVES, ...WATCH_OBJECTIVES],
  labels: {
    reach: { en: 'Reach (accounts activated)', zh: '触达（被激活的账号）' },
    exposure: { en: 'Exposure (accounts that saw it)', zh: '曝光（看到内容的账号）' },
    conversions: { en: 'Conversions (rate × reach)', zh: '转化（转化率 × 触达）' },
    detect: { en: 'Catch as many stories as possible', zh: '尽可能多地发现事件' },
    time: { en: 'Catch stories as early as possible', zh: '尽可能早地发现事件' },
    affected: { en: 'Catch stories before they reach many', zh: '在事件扩散到很多人之前发现' },
  },
});

export const OBJECTIVE_PARAMS = { objective: ANY_OBJECTIVE } as const;
