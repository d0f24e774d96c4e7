/**
 * Reading a text back into the catalogue: which key (and which placeholder values) produced it,
 * so the same text can be written again in another language. This is what lets the page switch
 * language live without rebuilding the panels (and so without losing the graph, the scenario,
 * the results or a panel's own state): every text the panels wrote with t() is looked up in the
 * table of the language it was written in, and rewritten from the other table.
 *
 * The lookup is exact because the two tables are one-to-one on whole texts (the unit test checks
 * that no two different English texts share one Chinese text). Texts with placeholders match as
 * templates, the most specific (most literal characters) first; a placeholder value that is itself
 * a whole catalogue text (a model name, "directed") is translated too. Data must stay as it is:
 * templates without any literal word (e.g. "{name}: {problem}") never match, and numeric
 * placeholders only match numbers. Pure code: no DOM, so it runs in the unit tests.
 */
import { type Catalogue, fullWidthPunctuation, type StringKey } from '../i18n.ts';

/** A recognised text: the key and its placeholder values (raw text or a nested catalogue text). */
export interface Parsed {
  key: StringKey;
  vars: Record<string, string | Parsed>;
}

/** A recognised text with the white space around it and a trailing colon or full stop kept apart. */
export interface Found {
  lead: string;
  parsed: Parsed;
  /** A colon or full stop the code wrote after the catalogue text (its form follows the language). */
  mark: '' | ':' | '.';
  /** A second catalogue text written after this one in the same text node, e.g. "Add to Group 1". */
  next?: { separator: string; found: Found };
  /** Data written around the catalogue text: "0.110 (" before, ")" after, or "karate, 200 " before. */
  before?: string;
  after?: string;
  trail: string;
}

interface Template {
  key: StringKey;
  regex: RegExp;
  names: string[];
  literal: number;
}

export interface CatalogueIndex {
  exact: Map<string, StringKey>;
  templates: Template[];
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Placeholders that always hold a number (possibly with a unit, a percent sign or a range): a
 * template only matches when these hold one, so "Journal of Anthropological Research" is not
 * read as '{done} of {total}'. Other placeholders (names, ids, messages) may hold any text.
 */
const NUMERIC = new Set(
  (
    'total seconds count k done runs lo hi sets nodes min max left share step level edges target ' +
    'steps spread speed shown selfLoops samples run registers prev points pairs page pages modularity ' +
    'median mean limit last largest index guarantee group groups gain first exposed error entered end ' +
    'duplicates degree components community communities common s m'
  ).split(' '),
);
const NUMBER_SOURCE =
  '[\\s\\p{N}.,:%+\\-−–×/()≈~]*\\p{N}[\\s\\p{N}.,:%+\\-−–×/()≈~]*(?:(?:ms|s|min|h|秒|分钟?)[\\s\\p{N}.,]*)*';
const NUMBER = new RegExp(`^${NUMBER_SOURCE}$`, 'u');

const WORD = /\p{L}/u;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lookup structures of one language's table (build once per language). */
export function indexCatalogue(table: Catalogue): CatalogueIndex {
  const exact = new Map<string, StringKey>();
  const templates: Template[] = [];
  for (const key of Object.keys(table) as StringKey[]) {
    const text = table[key];
    const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
    if (names.length === 0) {
      if (!exact.has(text)) exact.set(text, key);
      continue;
    }
    const literals = text.split(PLACEHOLDER).filter((_, i) => i % 2 === 0);
    if (!literals.some((part) => WORD.test(part))) continue;
    // A numeric placeholder only matches a number, inside the pattern, so the match can move on:
    // in "Small world (2) (100 nodes)" {name} takes "Small world (2)" and {nodes} "100".
    let pattern = escapeRegex(literals[0]);
    names.forEach((name, i) => {
      pattern += NUMERIC.has(name) ? `(${NUMBER_SOURCE})` : '([\\s\\S]+?)';
      pattern += escapeRegex(literals[i + 1]);
    });
    templates.push({
      key,
      regex: new RegExp(`^${pattern}$`, 'u'),
      names,
      literal: literals.join('').length,
    });
  }
  templates.sort((a, b) => b.literal - a.literal);
  return { exact, templates };
}

function parseCore(text: string, index: CatalogueIndex): Parsed | null {
  const key = index.exact.get(text);
  if (key) return { key, vars: {} };
  if (!WORD.test(text)) return null;
  for (const template of index.templates) {
    const m = template.regex.exec(text);
    if (!m) continue;
    if (template.names.some((name, i) => NUMERIC.has(name) && !NUMBER.test(m[i + 1]))) continue;
    const vars: Record<string, string | Parsed> = {};
    template.names.forEach((name, i) => {
      const value = m[i + 1];
      // A value that is itself a whole catalogue text (a model name, "directed") is translated too.
      const nested = index.exact.get(value);
      vars[name] = nested ? { key: nested, vars: {} } : value;
    });
    return { key: template.key, vars };
  }
  return null;
}

/** The catalogue text behind text (in the language of index), or null when it is not one. */
export function parseText(text: string, index: CatalogueIndex): Found | null {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) as RegExpExecArray;
  const [, lead, core, trail] = m;
  if (!core) return null;
  const parsed = parseCore(core, index);
  if (parsed) return { lead, parsed, mark: '', trail };
  // "Mean reach: " written as t('result.mean') followed by a colon (or a full stop).
  const marked = /^([\s\S]*?)\s*([:：.。])$/.exec(core);
  if (marked) {
    const inner = parseCore(marked[1], index);
    if (inner) return { lead, parsed: inner, mark: /[:：]/.test(marked[2]) ? ':' : '.', trail };
  }
  // Two texts joined by a space ("Clicks and searches add to" + "Group 1", a message + "The
  // previous graph is still loaded.").
  for (let at = core.indexOf(' '); at > 0; at = core.indexOf(' ', at + 1)) {
    const first = parseCore(core.slice(0, at), index);
    if (!first) continue;
    const rest = parseText(core.slice(at + 1), index);
    if (rest && !rest.lead)
      return { lead, parsed: first, mark: '', next: { separator: ' ', found: rest }, trail };
  }
  // A catalogue text in brackets after a number: "0.110 (where the share of global runs jumps)".
  const bracketed = /^([^\p{L}]*\p{N}[^\p{L}]*?[(（])([\s\S]+)([)）])$/u.exec(core);
  if (bracketed) {
    const inner = parseCore(bracketed[2], index);
    if (inner) return { lead, before: bracketed[1], parsed: inner, mark: '', after: bracketed[3], trail };
  }
  // A number and its unit: "Zachary's karate club, 200 runs" (the unit a whole catalogue text).
  for (let at = core.lastIndexOf(' '); at > 0; at = core.lastIndexOf(' ', at - 1)) {
    if (!/\p{N}$/u.test(core.slice(0, at))) continue;
    const key = index.exact.get(core.slice(at + 1));
    if (key) return { lead, before: core.slice(0, at + 1), parsed: { key, vars: {} }, mark: '', trail };
  }
  return null;
}

function fill(parsed: Parsed, table: Catalogue): string {
  return table[parsed.key].replace(PLACEHOLDER, (whole, name: string) => {
    const value = parsed.vars[name];
    if (value === undefined) return whole;
    return typeof value === 'string' ? value : fill(value, table);
  });
}

/** Write a recognised text in another language (locale decides the punctuation's form). */
export function renderText(found: Found, table: Catalogue, locale: string): string {
  const cjk = fullWidthPunctuation(locale);
  const { mark } = found;
  // Full-width marks carry their own spacing; ASCII ones are followed by a space.
  const punctuation = !mark ? '' : cjk ? (mark === ':' ? '：' : '。') : mark;
  const trail = mark && cjk ? found.trail.replace(/^ +/, '') : mark && !found.trail ? ' ' : found.trail;
  const next = found.next ? `${found.next.separator}${renderText(found.next.found, table, locale)}` : '';
  const text = `${found.before ?? ''}${fill(found.parsed, table)}${punctuation}${next}${found.after ?? ''}`;
  return `${found.lead}${text}${trail}`;
}

/** Translate one text from one language to another; null when it is not a catalogue text. */
export function translateText(
  text: string,
  from: CatalogueIndex,
  to: Catalogue,
  toLocale: string,
): string | null {
  const found = parseText(text, from);
  return found ? renderText(found, to, toLocale) : null;
}
