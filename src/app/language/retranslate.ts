/**
 * The live language switch on the page: rewrite every catalogue text in the document (text nodes
 * and the attributes people read or hear: aria-label, title, placeholder, alt) and in the charts
 * (dataset labels, axis titles, category labels), from the previous language into the new one.
 * Nothing is rebuilt, so the graph, the scenario, the results and each panel's own state stay as
 * they are; panels keep rendering through t(), which now answers in the new language.
 *
 * A text a panel captured before the switch (a label kept in a variable and written again later)
 * would come back in the old language, so a MutationObserver rewrites any catalogue text of
 * another language as soon as it appears. What was rewritten is remembered per node, so switching
 * back and forth gives exactly the original texts.
 */
import { catalogueOf, currentLanguage, locales } from '../i18n.ts';
import { Chart } from '../ui/charts.ts';
import { type CatalogueIndex, type Found, indexCatalogue, parseText, renderText } from './match.ts';

const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'];
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA']);

const indexes = new Map<string, CatalogueIndex>();
function indexOf(locale: string): CatalogueIndex | null {
  let index = indexes.get(locale);
  if (!index) {
    const table = catalogueOf(locale);
    if (!table) return null;
    index = indexCatalogue(table);
    indexes.set(locale, index);
  }
  return index;
}

/** What a node or attribute shows after a rewrite, and the catalogue text it came from. */
interface Memory {
  shown: string;
  found: Found;
}
const textMemory = new WeakMap<Node, Memory>();
const attributeMemory = new WeakMap<Element, Map<string, Memory>>();

/**
 * The text in language `to`, or null if it is not a catalogue text of one of the languages
 * `from` (tried in order). A remembered rewrite wins when the text is still what was written.
 */
function rewrite(text: string, memory: Memory | undefined, from: string[], to: string): Memory | null {
  const table = catalogueOf(to);
  if (!table) return null;
  let found = memory && memory.shown === text ? memory.found : null;
  for (let i = 0; !found && i < from.length; i++) {
    const index = indexOf(from[i]);
    if (index) found = parseText(text, index);
  }
  return found ? { shown: renderText(found, table, to), found } : null;
}

function rewriteTextNode(node: Text, from: string[], to: string): void {
  const text = node.data;
  if (!/\p{L}/u.test(text)) return;
  const next = rewrite(text, textMemory.get(node), from, to);
  if (!next) return;
  textMemory.set(node, next);
  if (next.shown !== text) node.data = next.shown;
}

function rewriteAttributes(element: Element, from: string[], to: string): void {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (!value || !/\p{L}/u.test(value)) continue;
    let memories = attributeMemory.get(element);
    const next = rewrite(value, memories?.get(name), from, to);
    if (!next) continue;
    if (!memories) {
      memories = new Map();
      attributeMemory.set(element, memories);
    }
    memories.set(name, next);
    if (next.shown !== value) element.setAttribute(name, next.shown);
  }
}

/** Code, canvases, editable text, and data marked translate="no" (HTML's own switch for this). */
function skipped(element: Element | null): boolean {
  return !!element && (SKIP.has(element.tagName) || element.closest('[translate=no]') !== null);
}

function rewriteTree(root: Node, from: string[], to: string): void {
  if (root.nodeType === Node.TEXT_NODE) {
    if (!skipped(root.parentElement)) rewriteTextNode(root as Text, from, to);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || skipped(root as Element)) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && skipped(node as Element)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) rewriteTextNode(node as Text, from, to);
    else rewriteAttributes(node as Element, from, to);
  }
}

/** Rewrite a string that may be a catalogue text (charts), else return it unchanged. */
function rewriteString(value: unknown, from: string[], to: string): unknown {
  if (typeof value !== 'string' || !/\p{L}/u.test(value)) return value;
  return rewrite(value, undefined, from, to)?.shown ?? value;
}

interface TitleOptions {
  title?: { text?: unknown };
}

/** Dataset labels, category labels, axis titles and the chart title of every live chart. */
export function rewriteCharts(from: string[], to: string): void {
  for (const chart of Object.values(Chart.instances as Record<string, Chart>)) {
    const { data, options } = chart;
    for (const dataset of data.datasets) dataset.label = rewriteString(dataset.label, from, to) as string;
    if (data.labels) data.labels = data.labels.map((label) => rewriteString(label, from, to));
    const scales = (options.scales ?? {}) as Record<string, TitleOptions>;
    for (const scale of Object.values(scales))
      if (scale.title) scale.title.text = rewriteString(scale.title.text, from, to);
    const plugins = (options.plugins ?? {}) as Record<string, TitleOptions>;
    for (const name of ['title', 'subtitle'])
      if (plugins[name] && 'text' in plugins[name])
        (plugins[name] as { text?: unknown }).text = rewriteString(plugins[name].text, from, to);
    chart.update('none');
  }
}

/**
 * Every text the charts draw, read from what chart.js resolved for drawing (legend items, scale
 * titles, category labels, the title), for the end-to-end tests.
 */
export function chartTexts(): string[] {
  const out: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string' && value) out.push(value);
    else if (Array.isArray(value)) for (const v of value) add(v);
  };
  for (const chart of Object.values(Chart.instances as Record<string, Chart>)) {
    for (const item of chart.legend?.legendItems ?? []) add(item.text);
    for (const scale of Object.values(chart.scales)) {
      add((scale.options as TitleOptions).title?.text);
      if (scale.type === 'category') add(scale.getLabels());
    }
    add((chart.options.plugins as { title?: { text?: unknown } } | undefined)?.title?.text);
  }
  return out;
}

/** Rewrite the whole page from language `from` into `to` (the current language). */
export function retranslatePage(root: Node, from: string, to: string): void {
  rewriteTree(root, [from], to);
  rewriteCharts([from], to);
}

/**
 * Keep texts added later in the current language: any catalogue text of another language that
 * appears under root is rewritten at once. Returns the observer (disconnect to stop).
 */
export function watchForOtherLanguages(root: Node): MutationObserver {
  const others = () => locales().filter((l) => l !== currentLanguage());
  const observer = new MutationObserver((records) => {
    const to = currentLanguage();
    const from = others();
    for (const record of records) {
      if (record.type === 'childList') for (const node of record.addedNodes) rewriteTree(node, from, to);
      else if (record.type === 'characterData') {
        const node = record.target as Text;
        if (!skipped(node.parentElement)) rewriteTextNode(node, from, to);
      } else if (record.type === 'attributes' && !skipped(record.target as Element))
        rewriteAttributes(record.target as Element, from, to);
    }
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
  return observer;
}
