/** Messages of run/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'result.none': 'Press Run to simulate.',
    'result.meanLine':
      '{mean, plural, one {account} other {accounts}} (95% CI {lo} – {hi}), {share} of the network; {exposed} saw it.',
    'result.mean': 'Mean reach',
    'run.run': 'Run',
    'run.cancel': 'Cancel',
    'run.progress': 'Simulation progress',
    'run.running': 'Simulating… {done} of {total} runs, about {left} left',
    'run.runningNoEta': 'Simulating… {done} of {total} runs',
    'run.done': 'Done: {runs} runs in {seconds} s.',
    'run.cancelled': 'Cancelled.',
    'run.error': 'Error: {message}',
    'run.noSeeds': 'Choose at least one seed first.',
    'run.noGraph': 'Load a graph first.',
    'run.stale': 'The scenario changed since this result; press Run to update.',
  },
  zh: {
    'result.none': '点击“运行”开始模拟。',
    'result.meanLine': '个账号（95% 置信区间 {lo} – {hi}），占网络的 {share}；{exposed} 个账号看到了它。',
    'result.mean': '平均触达',
    'run.run': '运行',
    'run.cancel': '取消',
    'run.progress': '模拟进度',
    'run.running': '模拟中… 已完成 {done} / {total} 次，约剩 {left}',
    'run.runningNoEta': '模拟中… 已完成 {done} / {total} 次',
    'run.done': '完成：{runs} 次运行，用时 {seconds} 秒。',
    'run.cancelled': '已取消。',
    'run.error': '错误：{message}',
    'run.noSeeds': '请先选择至少一个种子。',
    'run.noGraph': '请先加载一个图。',
    'run.stale': '此结果之后情景已更改；点击“运行”以更新。',
  },
});
