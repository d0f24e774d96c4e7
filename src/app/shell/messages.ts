/** Messages of shell/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'app.title': 'Ripple',
    'app.tagline': 'How far does a post travel through a follower graph?',
    'app.loading': 'Loading Ripple…',
    'tabs.label': 'Panels',
    'error.kept': 'The previous graph is still loaded.',
    'error.dismiss': 'Dismiss',
    'error.defaultKept': 'The bundled default graph is shown instead.',
    'language.label': 'Language',
    'language.changed': 'The interface is now in English.',
    'app.documentTitle': 'Ripple: relationship-chain diffusion simulator',
  },
  zh: {
    'app.title': 'Ripple',
    'app.tagline': '一条帖子能沿着关注关系网络传多远？',
    'app.loading': '正在加载 Ripple…',
    'tabs.label': '面板',
    'error.kept': '之前的图仍然保持加载。',
    'error.dismiss': '关闭',
    'error.defaultKept': '改为显示内置的默认图。',
    'language.label': '语言',
    'language.changed': '界面已切换为简体中文。',
    'app.documentTitle': 'Ripple：关系链扩散模拟器',
  },
});
