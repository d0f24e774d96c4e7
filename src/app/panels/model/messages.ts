/** Messages of panels/model/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'tab.model': 'Model',
    'model.ic.help':
      'Each newly active account gets one chance to pass the post to each follower; p is the chance that one follower adopts from one exposure.',
    'model.ic.fileHelp':
      'Each newly active account gets one chance per follower, with the probability the file gives that tie.',
    'model.wc.help':
      'Like independent cascade, but the chance that v adopts from one active account is 1 / (number of accounts v hears from): busy audiences are harder to reach.',
    'model.lt.help':
      'An account adopts when the summed weight of its active sources passes its own random threshold; each source weighs 1 / in-degree (or its tie strength, normalised).',
    'model.sir.help':
      'Each step every infectious account infects each susceptible follower with probability p, then recovers (stops spreading) with probability gamma.',
    'model.threshold.help':
      'An account adopts once at least a fraction phi of the accounts it hears from have adopted: ideas that need social proof.',
    'param.useFile': "Use the file's per-edge probabilities",
    'param.ties': 'Tie strength',
    'param.ties.file': "from the file's weights",
    'param.ties.equal': 'all ties equal',
  },
  zh: {
    'tab.model': '模型',
    'model.ic.help': '每个新激活的账号对每个粉丝只有一次传递机会；p 是一个粉丝因一次接触而采纳的概率。',
    'model.ic.fileHelp': '每个新激活的账号对每个粉丝只有一次机会，概率取自文件中该关系的值。',
    'model.wc.help':
      '与独立级联类似，但 v 因一个已激活账号而采纳的概率是 1 /（v 关注的账号数）：信息来源越多的受众越难触达。',
    'model.lt.help':
      '当一个账号已激活来源的权重之和超过它自己的随机阈值时，它就会采纳；每个来源的权重为 1 / 入度（或归一化后的关系强度）。',
    'model.sir.help':
      '每一步，每个感染中的账号以概率 p 感染每个易感粉丝，然后以概率 gamma 康复（不再传播）。',
    'model.threshold.help':
      '当一个账号所关注的账号中至少有 phi 比例已采纳时，它才会采纳：需要社会认同的想法。',
    'param.useFile': '使用文件中每条边的概率',
    'param.ties': '关系强度',
    'param.ties.file': '取自文件中的权重',
    'param.ties.equal': '所有关系相同',
  },
});
