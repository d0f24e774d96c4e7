/** The community detection's parameters as data (src/util/param-spec.ts). */
import { flagParam, numberParam } from '../util/param-spec.ts';

export const RESOLUTION = numberParam({
  name: 'resolution',
  flag: 'resolution',
  metavar: 'R',
  label: { en: 'Resolution', zh: '分辨率' },
  help: {
    en: 'modularity resolution: above 1 finds more, smaller communities',
    zh: '模块度分辨率：大于 1 时找到更多、更小的社群',
  },
  default: 1,
  min: 0,
  minExclusive: true,
  max: null,
  step: 0.1,
});

export const MEMBERS = flagParam({
  name: 'members',
  flag: 'members',
  label: { en: 'List members', zh: '列出成员' },
  help: {
    en: "list every community's member ids (always in --json)",
    zh: '列出每个社群的成员 id（--json 输出中总是包含）',
  },
});

export const COMMUNITY_PARAMS = { resolution: RESOLUTION, members: MEMBERS } as const;
