/**
 * The suggested seeds: their expected reach with its 95% interval (fresh Monte Carlo runs, never
 * the samples that chose them), the accounts in the order the method picked them (a click centres
 * the graph on one), "Use as seeds" (the scenario's seed groups become exactly these, launched
 * together), and whether they are highlighted on the graph. Ids and labels are set as text.
 */
import type { FoundSeeds } from '../../../seeding/find-seeds.ts';
import { el } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import type { AppContext } from '../../panels.ts';
import type { GraphState } from '../../state/types.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { methodLabel, type SeedFindSettings } from './form.ts';

export class SuggestionList {
  readonly element: HTMLElement;
  /** Colour of the suggested accounts on the graph. */
  readonly color = OKABE_ITO.green;
  onHighlightChange: () => void = () => {};
  private readonly heading = el('h3', { 'data-testid': 'seedfind-heading' });
  private readonly spread = el('p', { 'data-testid': 'seedfind-spread' });
  private readonly details = el('p', { class: 'hint', 'data-testid': 'seedfind-details' });
  private readonly warnings = el('p', { class: 'hint', 'data-testid': 'seedfind-warnings' });
  private readonly items = el('ol', { class: 'seedfind-list', 'data-testid': 'seedfind-list' });
  private readonly use = el('button', { type: 'button', 'data-testid': 'seedfind-use' }, t('seedfind.use'));
  private readonly highlight = el('input', {
    type: 'checkbox',
    checked: '',
    'data-testid': 'seedfind-highlight',
  });
  private readonly status = el('p', { role: 'status', class: 'hint', 'data-testid': 'seedfind-announce' });
  private ids: string[] = [];

  constructor(private readonly ctx: AppContext) {
    const swatch = el('span', { class: 'swatch', style: `background:${this.color}` });
    this.element = el(
      'section',
      { class: 'seedfind-result', 'data-testid': 'seedfind-result', hidden: '' },
      this.heading,
      this.spread,
      this.details,
      this.warnings,
      this.items,
      el(
        'div',
        { class: 'row' },
        this.use,
        el('label', { class: 'choice' }, this.highlight, ' ', swatch, ` ${t('seedfind.highlight')}`),
      ),
      this.status,
    );
    this.use.addEventListener('click', () => {
      if (this.ids.length === 0) return;
      ctx.store.patchScenario({ seeds: { kind: 'groups', groups: [{ ids: [...this.ids], start: 0 }] } });
      this.announce(t('seedfind.used', { k: this.ids.length }));
    });
    this.highlight.addEventListener('change', () => this.onHighlightChange());
  }

  get highlightOn(): boolean {
    return this.highlight.checked;
  }

  announce(text: string): void {
    this.status.textContent = text;
  }

  clear(): void {
    this.ids = [];
    this.items.replaceChildren();
    this.element.hidden = true;
    this.status.textContent = '';
  }

  show(graph: GraphState, settings: SeedFindSettings, found: FoundSeeds): void {
    const { ids, labels, csr } = graph.loaded;
    const n = csr.n;
    this.ids = found.seeds.map((v) => ids[v]);
    this.heading.textContent = t('seedfind.heading', {
      method: methodLabel(settings.method),
      k: found.seeds.length,
    });
    this.spread.dataset.value = String(found.spread);
    this.spread.dataset.lo = String(found.ci95[0]);
    this.spread.dataset.hi = String(found.ci95[1]);
    this.spread.textContent = t('seedfind.spread', {
      mean: formatNumber(found.spread, 1),
      lo: formatNumber(found.ci95[0], 1),
      hi: formatNumber(found.ci95[1], 1),
      share: formatNumber((100 * found.spread) / n, 1),
      runs: formatNumber(found.runs),
    });
    const imm = found.details.imm as { rrSets: number; guarantee: number } | undefined;
    const communities = found.details.communities as number | undefined;
    this.details.textContent = imm
      ? t('seedfind.details.imm', {
          sets: formatNumber(imm.rrSets),
          guarantee: formatNumber(100 * imm.guarantee, 0),
          seconds: formatNumber(found.seconds, 1),
        })
      : communities !== undefined
        ? t('seedfind.details.community', { communities: formatNumber(communities) })
        : t('seedfind.details.time', { seconds: formatNumber(found.seconds, 1) });
    this.warnings.textContent = found.warnings.join(' ');
    const degree = graph.facts.outDegree;
    this.items.replaceChildren(
      ...found.seeds.map((v) => {
        const label = labels?.[v];
        const text = label && label !== ids[v] ? `${ids[v]} (${label})` : ids[v];
        const button = el('button', { type: 'button', class: 'link', 'data-node': ids[v] }, text);
        button.addEventListener('click', () => this.ctx.view()?.focus(v));
        return el(
          'li',
          {},
          button,
          el('span', { class: 'hint' }, ` ${t('seedfind.audience', { degree: formatNumber(degree[v]) })}`),
        );
      }),
    );
    this.element.hidden = false;
  }
}
