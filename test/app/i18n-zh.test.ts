/**
 * The Simplified Chinese catalogue: complete, really translated, placeholders intact, in line with
 * the panels' own tables, and one-to-one with the English texts (the live switch depends on it);
 * the switch's text matcher finds every catalogue text back and rewrites it in the other language;
 * numbers and dates follow the language; the starting language follows the stored choice, else
 * the browser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Catalogue,
  catalogueOf,
  formatDate,
  formatDuration,
  formatNumber,
  registerLocale,
  type StringKey,
  setLocale,
} from '../../src/app/i18n.ts';
import { ZH } from '../../src/app/i18n-zh.ts';
import { datasetAbout, datasetOption } from '../../src/app/language/datasets.ts';
import { indexCatalogue, parseText, renderText, translateText } from '../../src/app/language/match.ts';
import {
  initialLanguage,
  offeredFor,
  rememberLanguage,
  STORAGE_KEY,
} from '../../src/app/language/preference.ts';

const EN = catalogueOf('en') as Catalogue;
const KEYS = Object.keys(EN) as StringKey[];

/** Texts that are the same in both languages: the product name, method names, symbols. */
const SAME_IN_BOTH = new Set<StringKey>([
  'app.title',
  'seeds.by.pagerank',
  'leaders.metric.pagerank',
  'seedfind.method.pagerank',
  'leaders.col.rank',
]);

/** The placeholder names of a text (a name may be used more than once). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the Chinese catalogue', () => {
  it('has a non-empty, translated text for every English key', () => {
    const missing = KEYS.filter((k) => typeof ZH[k] !== 'string' || ZH[k].trim() === '');
    expect(missing).toEqual([]);
    const untranslated = KEYS.filter((k) => ZH[k] === EN[k] && !SAME_IN_BOTH.has(k));
    expect(untranslated).toEqual([]);
    // Every text outside the allow-list that has words has Chinese ones ("{done} / {total}" has none).
    const words = (text: string) => text.replace(/\{\w+\}/g, '');
    const noChinese = KEYS.filter(
      (k) => !SAME_IN_BOTH.has(k) && /\p{L}/u.test(words(ZH[k])) && !/\p{Script=Han}/u.test(words(ZH[k])),
    );
    expect(noChinese.map((k) => `${k}: ${ZH[k]}`)).toEqual([]);
    expect(Object.keys(ZH).filter((k) => !(k in EN))).toEqual([]);
  });

  it('keeps exactly the placeholders of the English text', () => {
    const wrong = KEYS.filter((k) => placeholders(EN[k]).join() !== placeholders(ZH[k]).join());
    expect(wrong.map((k) => `${k}: ${EN[k]} | ${ZH[k]}`)).toEqual([]);
  });

  it('is one-to-one with the English texts', () => {
    const enOf = new Map<string, string>();
    const zhOf = new Map<string, string>();
    const clashes: string[] = [];
    for (const k of KEYS) {
      const en = enOf.get(ZH[k]);
      if (en !== undefined && en !== EN[k]) clashes.push(`${ZH[k]} ← "${en}" and "${EN[k]}"`);
      enOf.set(ZH[k], EN[k]);
      const zh = zhOf.get(EN[k]);
      if (zh !== undefined && zh !== ZH[k]) clashes.push(`${EN[k]} → "${zh}" and "${ZH[k]}"`);
      zhOf.set(EN[k], ZH[k]);
    }
    expect(clashes).toEqual([]);
  });
});

/** A catalogue text with sample values: numbers as the app writes them, a nested model name. */
function sample(table: Catalogue, key: StringKey): string {
  return table[key].replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'model' ? table['model.ic'] : name === 'directed' ? table['data.directed'] : '1,234.5',
  );
}

describe('the text matcher of the live switch', () => {
  const en = indexCatalogue(EN);
  const zh = indexCatalogue(ZH);

  it('rewrites every English text as the Chinese one, and back', () => {
    const wrong: string[] = [];
    // A text whose only literal parts are punctuation ("{done} / {total}") is not recognisable
    // (it looks like data) and stays as written.
    const recognisable = (text: string) => !/\{/.test(text) || /\p{L}/u.test(text.replace(/\{\w+\}/g, ''));
    for (const k of KEYS) {
      const toZh = translateText(sample(EN, k), en, ZH, 'zh-CN');
      const zhExpected = recognisable(EN[k]) ? sample(ZH, k) : null;
      if (toZh !== zhExpected) wrong.push(`${k}: ${toZh} ≠ ${zhExpected}`);
      const toEn = translateText(sample(ZH, k), zh, EN, 'en');
      const enExpected = recognisable(ZH[k]) ? sample(EN, k) : null;
      if (toEn !== enExpected) wrong.push(`${k}: ${toEn} ≠ ${enExpected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps white space, turns a trailing colon into the full-width one and back', () => {
    expect(translateText(' Mean reach: ', en, ZH, 'zh-CN')).toBe(' 平均触达：');
    expect(translateText('平均触达：', zh, EN, 'en')).toBe('Mean reach: ');
    expect(translateText(' Logarithmic count axis (shows rare large cascades)', en, ZH, 'zh-CN')).toBe(
      ' 对数计数轴（显示罕见的大级联）',
    );
  });

  it('keeps a full stop written after a text, in the form of the language', () => {
    expect(translateText(' other, smaller communities. ', en, ZH, 'zh-CN')).toBe(' 其他较小的社群。');
    expect(translateText(' 其他较小的社群.', zh, EN, 'en')).toBe(' other, smaller communities. ');
  });

  it('translates a catalogue text inside a placeholder', () => {
    expect(translateText('Error: Load a graph first.', en, ZH, 'zh-CN')).toBe('错误：请先加载一个图。');
    const found = parseText('karate: 34 nodes, 78 edges, undirected, 1 components (largest 34).', en);
    expect(found?.parsed.key).toBe('data.summary');
    expect(found && renderText(found, ZH, 'zh-CN')).toBe(
      'karate：34 个节点，78 条边，无向，1 个连通分量（最大 34）。',
    );
  });

  it('translates two texts written one after the other', () => {
    expect(translateText(' Clicks and searches add to Group 2', en, ZH, 'zh-CN')).toBe(
      ' 点击和搜索添加到 第 2 组',
    );
    expect(translateText('点击和搜索添加到 第 2 组', zh, EN, 'en')).toBe(
      'Clicks and searches add to Group 2',
    );
  });

  it('translates a message followed by another sentence', () => {
    expect(
      translateText(
        'data.txt could not be fetched (404). The previous graph is still loaded.',
        en,
        ZH,
        'zh-CN',
      ),
    ).toBe('无法获取 data.txt（404）。 之前的图仍然保持加载。');
  });

  it('translates a catalogue text written after a number', () => {
    expect(translateText('0.110 (where the share of global runs jumps)', en, ZH, 'zh-CN')).toBe(
      '0.110 (全局传播比例跃升之处)',
    );
    expect(translateText("Zachary's karate club, 200 runs", en, ZH, 'zh-CN')).toBe(
      "Zachary's karate club, 200 次运行",
    );
    expect(translateText("Zachary's karate club, 200 次运行", zh, EN, 'en')).toBe(
      "Zachary's karate club, 200 runs",
    );
    // Not after a word: "The Seeds" is a name, not a count of seeds.
    expect(translateText('The Seeds', en, ZH, 'zh-CN')).toBeNull();
  });

  it('finds the number even when a name before it has brackets of its own', () => {
    expect(translateText('Small world (Watts-Strogatz) (100 nodes)', en, ZH, 'zh-CN')).toBe(
      'Small world (Watts-Strogatz)（100 个节点）',
    );
    expect(translateText('Small world (Watts-Strogatz)（100 个节点）', zh, EN, 'en')).toBe(
      'Small world (Watts-Strogatz) (100 nodes)',
    );
    expect(translateText('graph (2).csv (12 nodes)', en, ZH, 'zh-CN')).toBe('graph (2).csv（12 个节点）');
  });

  it('leaves data alone: ids, numbers, names, and texts made of placeholders only', () => {
    for (const text of [
      '4039',
      '1,234.56',
      'ego-Facebook',
      'a: b',
      'Zachary',
      '',
      '  ',
      'Seeds and more',
      'Journal of Anthropological Research',
      'Group Therapy',
    ])
      expect(translateText(text, en, ZH, 'zh-CN')).toBeNull();
    // A citation inside "Cite: {citation}" keeps its words.
    expect(translateText('Cite: Journal of Anthropological Research 33(4), 1977.', en, ZH, 'zh-CN')).toBe(
      '引用：Journal of Anthropological Research 33(4), 1977.',
    );
    // Numbers with units and ranges are numbers.
    expect(translateText('Simulating… 5 of 200 runs, about 1 min 5 s left', en, ZH, 'zh-CN')).toBe(
      '模拟中… 已完成 5 / 200 次，约剩 1 min 5 s',
    );
  });
});

describe('the bundled datasets', () => {
  const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as {
    datasets: { file: string; name: string; nodes: number; description: string }[];
  };

  it('are described in the current language, from the manifest word for word', () => {
    registerLocale('zh-CN', ZH);
    try {
      for (const d of manifest.datasets) {
        setLocale('en');
        expect(datasetAbout(d)).toBe(d.description);
        setLocale('zh-CN');
        expect(datasetAbout(d)).toMatch(/\p{Script=Han}/u);
        // A description changed in the manifest only: its own words, not a stale translation.
        expect(datasetAbout({ ...d, description: `${d.description} More.` })).toBe(`${d.description} More.`);
      }
      expect(datasetOption({ name: 'ego-Facebook', nodes: 4039 })).toBe('ego-Facebook（4,039 个节点）');
      setLocale('en');
      expect(datasetOption({ name: 'ego-Facebook', nodes: 4039 })).toBe('ego-Facebook (4,039 nodes)');
    } finally {
      setLocale('en');
    }
  });
});

describe('numbers and dates follow the language', () => {
  it('writes numbers and dates as each language does', () => {
    const date = new Date(2024, 0, 31, 15, 5);
    try {
      setLocale('en');
      expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
      expect(formatDate(date, true)).toBe('Jan 31, 2024');
      registerLocale('zh-CN', ZH);
      setLocale('zh-CN');
      expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
      expect(formatDate(date, true)).toBe('2024年1月31日');
      expect(formatDate(date)).toBe('2024年1月31日 15:05');
      expect(formatDuration(44_100)).toBe('45 秒');
      expect(formatDuration(125_000)).toBe('2 分 5 秒');
      setLocale('en');
      expect(formatDuration(125_000)).toBe('2 min 5 s');
    } finally {
      setLocale('en');
    }
  });
});

describe('the starting language', () => {
  const store = (value: string | null) => {
    const map = new Map<string, string>(value ? [[STORAGE_KEY, value]] : []);
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      map,
    };
  };

  it('is the remembered choice, else the browser language, else English', () => {
    expect(initialLanguage(store('zh-CN'), ['en-US'])).toBe('zh-CN');
    expect(initialLanguage(store('en'), ['zh-CN'])).toBe('en');
    expect(initialLanguage(store('klingon'), ['fr-FR', 'zh-TW'])).toBe('zh-CN');
    expect(initialLanguage(store(null), ['en-GB', 'zh-CN'])).toBe('en');
    expect(initialLanguage(store(null), ['de'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
    expect(offeredFor('zh-Hans-CN')).toBe('zh-CN');
  });

  it('survives a storage that refuses', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(initialLanguage(refusing, ['zh'])).toBe('zh-CN');
    expect(rememberLanguage(refusing, 'en')).toBe(false);
    const s = store(null);
    expect(rememberLanguage(s, 'zh-CN')).toBe(true);
    expect(s.map.get(STORAGE_KEY)).toBe('zh-CN');
  });
});
