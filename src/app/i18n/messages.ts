/**
 * Key-based messages. Each part of the app declares its own messages, English and Simplified
 * Chinese side by side, and gets a typed `t` for them:
 *
 *   export const t = defineMessages({
 *     en: { 'data.summary': '{name}: {nodes, plural, one {# node} other {# nodes}}' },
 *     zh: { 'data.summary': '{name}：{nodes} 个节点' },
 *   });
 *   t('data.summary', { name: graph.name, nodes: n })
 *
 * The compiler checks that the Chinese table has exactly the English keys; test/app/messages.test.ts
 * checks that both use the same placeholders. `t` reads the language signal, so a component that
 * calls it re-renders when the language changes. A message is looked up by its key only: what a
 * placeholder receives (an id, a file name, a label from a file) is inserted as it is and never
 * translated.
 *
 * Placeholders: `{name}` inserts a string as it is and a number through Intl.NumberFormat (whole
 * numbers as counts, others with up to 2 decimals); `{n, plural, one {# account} other {# accounts}}`
 * chooses by Intl.PluralRules, with # the formatted number (`=0 {…}` matches exactly 0).
 */
import { count, pluralOf, upTo } from './format.ts';
import { type Lang, lang } from './lang.ts';

export type Vars = Record<string, string | number>;

export type Messages = Record<string, string>;

export interface MessageTables<E extends Messages> {
  en: E;
  zh: { [K in keyof E]: string };
}

export type Translate<K extends string> = ((key: K, vars?: Vars) => string) & {
  /** The English table (to compare with texts that come from elsewhere, e.g. the datasets manifest). */
  readonly en: Readonly<Record<K, string>>;
};

function formatValue(value: string | number): string {
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? count(value) : upTo(value, 2);
}

/** Index of the brace closing the one at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function plural(body: string, value: string | number): string {
  const n = typeof value === 'number' ? value : Number(value);
  const forms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const end = closing(body, open);
    if (end < 0) break;
    forms.set(selector, body.slice(open + 1, end));
    i = end + 1;
  }
  const form = forms.get(`=${n}`) ?? forms.get(pluralOf(n)) ?? forms.get('other') ?? '';
  return form.replace(/#/g, formatValue(value));
}

/** Fill a message's placeholders (exported for the tests). */
export function fill(text: string, vars: Vars = {}): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const end = closing(text, open);
    if (end < 0) break;
    out += text.slice(i, open);
    const inner = text.slice(open + 1, end);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (value === undefined) out += text.slice(open, end + 1);
    else if (comma < 0) out += formatValue(value);
    else {
      const rest = inner.slice(comma + 1);
      const kindEnd = rest.indexOf(',');
      out +=
        rest.slice(0, kindEnd).trim() === 'plural'
          ? plural(rest.slice(kindEnd + 1), value)
          : formatValue(value);
    }
    i = end + 1;
  }
  return out + text.slice(i);
}

/** Every message table declared with defineMessages (for the consistency tests). */
export const ALL_TABLES: MessageTables<Messages>[] = [];

/** Declare a part's messages in both languages; returns its typed `t`. */
export function defineMessages<E extends Messages>(tables: MessageTables<E>): Translate<keyof E & string> {
  ALL_TABLES.push(tables as MessageTables<Messages>);
  const byLang: Record<Lang, Record<string, string>> = { en: tables.en, 'zh-CN': tables.zh };
  const t = (key: keyof E & string, vars?: Vars) =>
    fill(byLang[lang.value][key] ?? tables.en[key] ?? key, vars);
  return Object.assign(t, { en: tables.en });
}
