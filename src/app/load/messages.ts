/** Messages of load/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'error.worker': '{file}: the loader stopped unexpectedly {detail}',
    'error.fetch': '{name} could not be fetched ({detail}).',
    'error.webPage': '{name} was not found: the server sent a web page instead of a graph file.',
    'error.otherOrigin':
      'The graph address "{url}" is on another site; Ripple only loads graphs from its own origin.',
    'error.badUrl': 'The graph address "{url}" is not a valid URL.',
    'data.fileAgain': 'This scenario used the file {name}; open it again to continue.',
    'data.notBundled': '{name} is not a bundled dataset.',
  },
  zh: {
    'error.worker': '{file}：加载器意外停止 {detail}',
    'error.fetch': '无法获取 {name}（{detail}）。',
    'error.webPage': '未找到 {name}：服务器返回的是网页，而不是图文件。',
    'error.otherOrigin': '图地址“{url}”位于其他网站；Ripple 只从自身来源加载图。',
    'error.badUrl': '图地址“{url}”不是有效的 URL。',
    'data.fileAgain': '此情景使用了文件 {name}；请重新打开该文件以继续。',
    'data.notBundled': '{name} 不是内置数据集。',
  },
});
