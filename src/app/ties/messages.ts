/** Messages of app/ties/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'ties.needFile':
      'This scenario takes its groups from the file "{name}", which a link cannot carry: open it in the Ties tab, or choose the communities as groups.',
    'ties.needP':
      "Tie probabilities left empty take the value of p, but p is the file's per-edge probabilities: give p on strong ties, weak ties and groups, or set p.",
    'ties.groups.badLine': '{file}, line {line}: expected "group member", got "{got}".',
    'ties.groups.badCsvLine': '{file}, line {line}: expected "group,member", got "{got}".',
    'ties.groups.empty':
      '{file}, line {line}: group "{group}" is empty: none of its {listed, plural, one {# member is} other {# members are}} an account of the graph.',
    'ties.groups.noGroups': '{file}: no groups (expected "group member" lines).',
    'ties.groups.unreadable': 'Could not read {file}: {message}',
    'ties.groups.kept': 'The previous groups stay.',
  },
  zh: {
    'ties.needFile':
      '此情景的群组来自文件“{name}”，链接无法携带该文件：请在“关系”标签页中打开它，或改用社群作为群组。',
    'ties.needP':
      '留空的关系概率取 p 的值，但 p 现在使用文件中每条边的概率：请填写强关系、弱关系和群组上的概率，或设定 p。',
    'ties.groups.badLine': '{file} 第 {line} 行：应为“群组 成员”两项，实际为“{got}”。',
    'ties.groups.badCsvLine': '{file} 第 {line} 行：应为以逗号分隔的“群组,成员”两项，实际为“{got}”。',
    'ties.groups.empty': '{file} 第 {line} 行：群组“{group}”为空：它列出的 {listed} 个成员都不是图中的账号。',
    'ties.groups.noGroups': '{file}：没有任何群组（应为每行“群组 成员”）。',
    'ties.groups.unreadable': '无法读取 {file}：{message}',
    'ties.groups.kept': '之前的群组保持不变。',
  },
});
