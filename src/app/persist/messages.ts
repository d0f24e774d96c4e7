/** Messages of persist/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'tab.share': 'Save & share',
    'share.link': 'Link to this scenario',
    'share.copyLink': 'Copy link',
    'share.linkCopied': 'Link copied: it opens this exact scenario and gives the same numbers.',
    'share.linkNoCosts':
      'The plan’s costs come from the file {name}: the link keeps its name, not its contents, so whoever opens it must open that file again in the Plan tab.',
    'share.linkHelp':
      'The address bar always holds the whole scenario (graph, direction, model, parameters, seed groups, runs, random seed).',
    'share.scenario': 'Scenario file',
    'share.exportScenario': 'Export scenario (JSON)',
    'share.importScenario': 'Import scenario (JSON)',
    'share.imported': 'Scenario imported from {file}.',
    'share.hashError': 'This link could not be opened: {message}. The current scenario is kept.',
    'share.restored': 'Restored your last session from this browser.',
    'share.autosave': 'Your work is saved in this browser as you go.',
    'share.autosaveOff':
      'This browser does not allow saving (IndexedDB unavailable): keep the link or export the scenario.',
    'share.full':
      'The storage of this browser is full: your latest changes are not saved here. Export the scenario to keep it.',
    'share.saveFailed': 'Saving in this browser failed ({detail}): keep the link or export the scenario.',
    'share.fileTooBig': '{name} is too large to keep in this browser; after a reload, open it again.',
    'share.fileFull': 'No room left in this browser to keep {name}; after a reload, open it again.',
    'share.corrupt.scenario':
      'The scenario saved in this browser could not be used (record “{key}”: {reason}).',
    'share.corrupt.file':
      'The graph file saved in this browser could not be used (record “{key}”: {reason}).',
    'share.corrupt.kept': 'It was kept aside as “{keptAs}”, not deleted.',
    'share.corrupt.notKept': 'It could not be moved aside.',
    'share.downloaded': 'Downloaded {file}.',
    'share.saved': 'Saved in this browser.',
  },
  zh: {
    'tab.share': '保存与分享',
    'share.link': '此情景的链接',
    'share.copyLink': '复制链接',
    'share.linkCopied': '链接已复制：它会打开完全相同的情景，并得到相同的数字。',
    'share.linkNoCosts':
      '方案的成本来自文件 {name}：链接只保存文件名，不含其内容，打开链接的人需要在“投放方案”标签页中重新打开该文件。',
    'share.linkHelp': '地址栏始终包含整个情景（图、方向、模型、参数、种子组、运行次数、随机数种子）。',
    'share.scenario': '情景文件',
    'share.exportScenario': '导出情景（JSON）',
    'share.importScenario': '导入情景（JSON）',
    'share.imported': '已从 {file} 导入情景。',
    'share.hashError': '无法打开此链接：{message}。当前情景保持不变。',
    'share.restored': '已从此浏览器恢复上次的会话。',
    'share.autosave': '你的工作会随时保存在此浏览器中。',
    'share.autosaveOff': '此浏览器不允许保存（IndexedDB 不可用）：请保留链接或导出情景。',
    'share.full': '此浏览器的存储空间已满：你最近的更改没有保存在这里。请导出情景以保留它。',
    'share.saveFailed': '无法保存在此浏览器中（{detail}）：请保留链接或导出情景。',
    'share.fileTooBig': '{name} 太大，无法保存在此浏览器中；重新加载页面后请再次打开它。',
    'share.fileFull': '此浏览器已没有空间保存 {name}；重新加载页面后请再次打开它。',
    'share.corrupt.scenario': '此浏览器中保存的情景无法使用（记录“{key}”：{reason}）。',
    'share.corrupt.file': '此浏览器中保存的图文件无法使用（记录“{key}”：{reason}）。',
    'share.corrupt.kept': '它已另存为“{keptAs}”，没有被删除。',
    'share.corrupt.notKept': '无法将它另存。',
    'share.downloaded': '已下载 {file}。',
    'share.saved': '已保存在此浏览器中。',
  },
});
