/**
 * Calibration's parameters as data (src/util/param-spec.ts): the cascade log, how timestamps
 * become steps, one p or one per community, and where the fitted scenario goes.
 */
import { enumParam, numberParam, stringParam } from '../util/param-spec.ts';
import { CALIBRATE_BY, type CalibrateBy } from './calibrate.ts';

export const CASCADES = stringParam({
  name: 'cascades',
  flag: 'cascades',
  metavar: 'FILE',
  label: { en: 'Cascade log', zh: '传播记录' },
  help: {
    en: "observed cascades: CSV with the header 'cascade,account,step[,parent]', or JSON lines with those fields",
    zh: "观测到的传播：表头为 'cascade,account,step[,parent]' 的 CSV，或含这些字段的 JSON Lines",
  },
});

export const BIN = numberParam({
  name: 'bin',
  flag: 'bin',
  metavar: 'SECONDS',
  label: { en: 'Seconds per step', zh: '每步秒数' },
  help: {
    en: "read 'step' as a timestamp (seconds or ISO 8601) and group it into steps of this many seconds",
    zh: "把 'step' 当作时间戳（秒数或 ISO 8601 日期），按此秒数分组为步",
  },
  absent: { en: "'step' is a whole number of steps", zh: "'step' 是整数步" },
  min: 0,
  minExclusive: true,
  max: null,
  unit: { en: 's', zh: '秒' },
});

/** The table's name is calibrateBy; the command line spells it --by (see CALIBRATE_BY_OPTION). */
export const CALIBRATE_BY_PARAM = enumParam<CalibrateBy, 'global'>({
  name: 'calibrateBy',
  label: { en: 'Fit p', zh: '拟合 p' },
  help: {
    en: 'one p for the whole network, or one p per Louvain community of the account making the attempt',
    zh: '整个网络一个 p，或按发起传播的账号所在的 Louvain 社区各拟合一个 p',
  },
  default: 'global',
  values: CALIBRATE_BY,
  labels: {
    global: { en: 'one p for the network', zh: '全网一个 p' },
    community: { en: 'one p per community', zh: '每个社区一个 p' },
  },
});

/**
 * `ripple calibrate --by`: the same parameter under the flag. tipping's --by (how a k sweep
 * picks seeds) owns the spelling in the table; no command takes both.
 */
export const CALIBRATE_BY_OPTION = { ...CALIBRATE_BY_PARAM, flag: 'by', metavar: 'B' };

export const APPLY = stringParam({
  name: 'apply',
  flag: 'apply',
  metavar: 'OUT.json',
  label: { en: 'Write the fitted scenario', zh: '写出拟合后的情景' },
  help: {
    en: 'write a scenario file with the fitted p (ic): the app opens it (Import scenario), simulate and plan take it with --scenario',
    zh: '写出带有拟合 p（ic 模型）的情景文件：可在应用中打开（导入情景），simulate 和 plan 可用 --scenario 读取',
  },
});

export const CALIBRATION_PARAMS = {
  cascades: CASCADES,
  bin: BIN,
  calibrateBy: CALIBRATE_BY_PARAM,
  apply: APPLY,
} as const;
