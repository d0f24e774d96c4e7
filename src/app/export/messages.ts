/** Messages of export/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'export.results': 'Export results',
    'export.noResult': 'Run a simulation to export its results.',
    'export.csv.summary': 'Summary (CSV)',
    'export.csv.hops': 'Reach by hop (CSV)',
    'export.csv.adoption': 'Adoption by step (CSV)',
    'export.csv.histogram': 'Cascade sizes (CSV)',
    'export.csv.nodes': 'Activation frequency per account (CSV)',
    'export.png': 'Graph picture with its legend (PNG)',
    'export.pngUnavailable': 'The graph picture needs the graph drawn on screen (WebGL).',
  },
  zh: {
    'export.results': '导出结果',
    'export.noResult': '运行一次模拟后即可导出结果。',
    'export.csv.summary': '摘要（CSV）',
    'export.csv.hops': '按跳数的触达（CSV）',
    'export.csv.adoption': '按步的采纳（CSV）',
    'export.csv.histogram': '级联规模（CSV）',
    'export.csv.nodes': '每个账号的激活频率（CSV）',
    'export.png': '关系图图片及图例（PNG）',
    'export.pngUnavailable': '导出关系图图片需要在屏幕上绘制出关系图（WebGL）。',
  },
});
