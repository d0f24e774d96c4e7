/**
 * Crisis watch's parameters as data (src/util/param-spec.ts): where to listen (objective,
 * horizon, source weights) and whom to reach (the rumour, the correction's delay).
 */
import { ANY_OBJECTIVE, WATCH_OBJECTIVES, type WatchObjective } from '../engine/objective-param.ts';
import { adapt, type EnumParam, integerParam, stringParam } from '../util/param-spec.ts';
import { CONTAIN_DEFAULTS, WATCH_DEFAULTS } from './run.ts';

/** --objective as `ripple watch` offers it (declared once, src/engine/objective-param.ts). */
export const WATCH_OBJECTIVE = adapt(ANY_OBJECTIVE, {
  only: WATCH_OBJECTIVES,
  default: WATCH_DEFAULTS.objective,
  help: { en: 'what the monitors should achieve', zh: '监测账号要达成的目标' },
}) as EnumParam<WatchObjective>;

export const HORIZON = integerParam({
  name: 'horizon',
  flag: 'horizon',
  metavar: 'T',
  label: { en: 'Horizon (steps)', zh: '观察期（步）' },
  help: {
    en: 'stories spread at most T steps; an undetected story counts T steps (default: until they die out, and the longest sampled story plus one)',
    zh: '事件最多扩散 T 步；未被发现的事件按 T 步计（默认：扩散到停止，取最长样本事件的步数加一）',
  },
  min: 1,
  max: 100_000,
});

export const SOURCES = stringParam({
  name: 'sources',
  flag: 'sources',
  metavar: 'FILE',
  label: { en: 'Story sources', zh: '事件源头' },
  help: {
    en: "CSV 'id,weight': where stories start, by weight (default: any account, uniformly)",
    zh: "CSV 'id,weight'：事件按权重从哪些账号开始（默认：任意账号，均匀）",
  },
});

export const RUMOUR = stringParam({
  name: 'rumour',
  flag: 'rumour',
  metavar: 'LIST',
  label: { en: 'Rumour starts at', zh: '谣言起点' },
  help: { en: 'accounts where the rumour starts, comma-separated ids', zh: '谣言开始的账号，逗号分隔的 id' },
});

export const DELAY = integerParam({
  name: 'delay',
  flag: 'delay',
  metavar: 'D',
  label: { en: 'Correction delay (steps)', zh: '辟谣延迟（步）' },
  help: {
    en: 'the correction starts D steps after the rumour',
    zh: '辟谣在谣言开始 D 步之后发布',
  },
  default: CONTAIN_DEFAULTS.delay,
  min: 0,
  max: 100_000,
});

export const CRISIS_PARAMS = {
  horizon: HORIZON,
  sources: SOURCES,
  rumour: RUMOUR,
  delay: DELAY,
} as const;
