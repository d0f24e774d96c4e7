/**
 * The numbers of a sweep in words: the detected tipping point (data-testid="critical-point",
 * its exact value in data-value), how it was read, the theoretical value and what it rests on,
 * the fewest seeds reaching the target, a one-sentence reading, and a table of every point.
 */
import type { Detector, TippingResult, Vary } from '../../../analysis/tipping/types.ts';
import { el } from '../../dom.ts';
import { formatNumber, type StringKey, t } from '../../i18n.ts';
import type { CriticalSettings } from './form.ts';

export function varyLabel(vary: Vary): string {
  return t(vary === 'p' ? 'critical.axis.p' : vary === 'k' ? 'critical.axis.k' : 'critical.axis.phi');
}

const DETECTOR: Record<Detector, StringKey> = {
  susceptibility: 'critical.detector.susceptibility',
  globalOnset: 'critical.detector.globalOnset',
  reachPerSeed: 'critical.detector.reachPerSeed',
};

function fmt(vary: Vary, x: number): string {
  return vary === 'k' ? formatNumber(x) : formatNumber(x, 3);
}

export class SweepSummary {
  readonly element: HTMLElement;
  /** Every point of the curve, for reading without the chart. */
  readonly table: HTMLElement;
  private readonly numbers = el('dl', { class: 'numbers', 'data-testid': 'critical-numbers' });
  private readonly reading = el('p', { 'data-testid': 'critical-reading' });
  private readonly tbody = el('tbody');

  constructor() {
    this.element = el(
      'section',
      { 'data-testid': 'critical-result', hidden: '' },
      this.numbers,
      this.reading,
    );
    const head = el(
      'tr',
      {},
      el('th', { scope: 'col', 'data-testid': 'critical-table-x' }),
      el('th', { scope: 'col' }, t('critical.table.mean')),
      el('th', { scope: 'col' }, t('critical.table.ci')),
      el('th', { scope: 'col' }, t('critical.table.global')),
    );
    this.table = el(
      'details',
      { 'data-testid': 'critical-table', hidden: '' },
      el('summary', {}, t('critical.table.title')),
      el('table', { class: 'data' }, el('thead', {}, head), this.tbody),
    );
  }

  clear(): void {
    this.element.hidden = true;
    this.table.hidden = true;
    this.numbers.replaceChildren();
    this.tbody.replaceChildren();
    this.reading.textContent = '';
  }

  show(result: TippingResult, settings: CriticalSettings): void {
    const { vary } = result;
    const row = (term: string, value: string, testid: string, raw: number | null) => {
      const dd = el('dd', { 'data-testid': testid }, value);
      dd.dataset.value = raw === null ? '' : String(raw);
      return [el('dt', {}, term), dd];
    };
    const critical = result.critical;
    const detector = result.detection.detector;
    const items = [
      ...row(
        t('critical.point'),
        critical === null
          ? t('critical.none')
          : detector
            ? `${fmt(vary, critical)} (${t(DETECTOR[detector])})`
            : fmt(vary, critical),
        'critical-point',
        critical,
      ),
      ...row(
        t('critical.theory'),
        result.theory === null
          ? t('critical.theory.none')
          : `${fmt(vary, result.theory)}${result.theoryDetail ? ` (${result.theoryDetail.formula})` : ''}`,
        'critical-theory',
        result.theory,
      ),
    ];
    if (vary === 'k' && settings.target !== null) {
      const f = result.fewestSeeds;
      items.push(
        ...row(
          t('critical.fewest', { target: formatNumber(100 * settings.target) }),
          f
            ? t('critical.fewest.value', {
                k: formatNumber(f.k),
                share: formatNumber(100 * f.share, 1),
                lo: formatNumber(f.ci95[0], 1),
                hi: formatNumber(f.ci95[1], 1),
              })
            : t('critical.fewest.none'),
          'critical-fewest',
          f ? f.k : null,
        ),
      );
    }
    items.push(
      ...row(
        t('critical.work'),
        t('critical.work.value', {
          points: formatNumber(result.pointsEvaluated),
          runs: formatNumber(result.runsTotal),
        }),
        'critical-work',
        result.runsTotal,
      ),
    );
    this.numbers.replaceChildren(...items);
    this.reading.textContent =
      critical === null
        ? t('critical.reading.none')
        : t(
            vary === 'p'
              ? 'critical.reading.p'
              : vary === 'k'
                ? 'critical.reading.k'
                : 'critical.reading.phi',
            {
              x: fmt(vary, critical),
            },
          );
    const xHead = this.table.querySelector('[data-testid=critical-table-x]');
    if (xHead) xHead.textContent = varyLabel(vary);
    const n = result.nodes;
    this.tbody.replaceChildren(
      ...result.curve.map((c) =>
        el(
          'tr',
          {},
          el('td', {}, fmt(vary, c.x)),
          el('td', {}, formatNumber(c.mean, 1)),
          el('td', {}, `${formatNumber(c.ci95[0], 1)} – ${formatNumber(c.ci95[1], 1)}`),
          el('td', {}, `${formatNumber(100 * c.globalFraction, 1)}%`),
        ),
      ),
    );
    this.element.dataset.nodes = String(n);
    this.element.hidden = false;
    this.table.hidden = false;
  }
}
