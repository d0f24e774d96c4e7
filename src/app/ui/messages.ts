/** Messages of ui/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'task.cancel': 'Cancel',
    'task.progress': '{done} of {total}, about {left} left',
    'task.progressNoEta': '{done} of {total}',
    'task.left': 'about {left} left',
    'task.done': 'Done in {seconds} s.',
    'wide.open': 'Open wide view',
    'wide.close': 'Close',
  },
  zh: {
    'task.cancel': '取消',
    'task.progress': '{done} / {total}，约剩 {left}',
    'task.progressNoEta': '{done} / {total}',
    'task.left': '约剩 {left}',
    'task.done': '完成，用时 {seconds} 秒。',
    'wide.open': '在宽视图中打开',
    'wide.close': '关闭',
  },
});
