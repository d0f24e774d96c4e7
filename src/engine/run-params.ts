/** How a command runs and reports, as parameters (src/util/param-spec.ts): threads, JSON, help. */
import { flagParam, integerParam, stringParam } from '../util/param-spec.ts';

export const WORKERS = integerParam({
  name: 'workers',
  flag: 'workers',
  metavar: 'W',
  label: { en: 'Worker threads', zh: '工作线程数' },
  help: {
    en: 'worker threads (more than the cores are capped at the core count; results do not depend on it)',
    zh: '工作线程数（超过核心数时按核心数计；结果与线程数无关）',
  },
  absent: { en: 'all cores', zh: '全部核心' },
  min: 1,
  max: null,
});

export const JSON_OUTPUT = flagParam({
  name: 'json',
  flag: 'json',
  label: { en: 'JSON output', zh: 'JSON 输出' },
  help: { en: 'print exactly one JSON object on stdout', zh: '在标准输出上只打印一个 JSON 对象' },
});

export const HELP = flagParam({
  name: 'help',
  flag: 'help',
  label: { en: 'Help', zh: '帮助' },
  help: { en: "show the command's options", zh: '显示该命令的选项' },
});

export const SCENARIO_FILE = stringParam({
  name: 'scenario',
  flag: 'scenario',
  metavar: 'FILE',
  label: { en: 'Scenario file', zh: '场景文件' },
  help: {
    en: "start from a scenario file (the app's, or ripple calibrate --apply): its model, p, gamma, phi, steps, runs and rng, unless given here",
    zh: '从场景文件开始（应用导出的，或 ripple calibrate --apply 写出的）：使用其中的模型、p、gamma、phi、步数、运行次数和随机种子，除非在此另行给出',
  },
});

export const RUN_PARAMS = {
  workers: WORKERS,
  json: JSON_OUTPUT,
  help: HELP,
  scenario: SCENARIO_FILE,
} as const;
