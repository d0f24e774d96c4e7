/**
 * Compare: keep results side by side (one big account vs five small ones, launched together vs
 * staggered, IMM seeds vs top-degree seeds). "Keep this result" (toolbar, enabled after a run)
 * stores a label, the scenario and the summary; the Compare tab shows them in a table (mean,
 * 95% CI, share, exposed, seeds, model, parameters) with rename and remove, and overlays their
 * adoption curves and reach by hop on one chart each. The list is autosaved in IndexedDB on
 * every change and read back (and checked) when the page opens, so a reload keeps it.
 */
import './compare.css';
import { el } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import type { AppContext, AppModule } from '../../panels.ts';
import type { AutosaveStore } from '../../storage/autosave.ts';
import type { AppState } from '../../store.ts';
import { compareCharts } from './charts.ts';
import { type KeptResult, KeptResults, paramsText, seedCount, seedsText } from './kept.ts';
import { readSavedKept, savedKept } from './kept-storage.ts';

/** Save this long after the last change to the list. */
const SAVE_DELAY_MS = 300;

/** Read the kept results back, then save every change; messages go to `say`. */
async function autosaveKept(
  kept: KeptResults,
  opened: Promise<AutosaveStore | null>,
  say: (text: string) => void,
): Promise<void> {
  const autosave = await opened;
  if (!autosave) return;
  const saved = await autosave.loadModuleData('compare').catch(() => undefined);
  const { items, dropped } = readSavedKept(saved);
  if (items.length > 0) kept.restore(items);
  if (dropped > 0) say(t('compare.restoreDropped', { count: formatNumber(dropped) }));
  let timer: ReturnType<typeof setTimeout> | null = null;
  kept.subscribe((list) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      autosave
        .saveModuleData('compare', savedKept(list))
        .catch((error: Error) => say(t('compare.saveFailed', { message: error.message })));
    }, SAVE_DELAY_MS);
  });
}

/** The last result when it belongs to the graph on screen. */
function currentResult(s: AppState) {
  return s.result && s.graph && s.result.graphSerial === s.graph.serial ? s.result : null;
}

export const compareModule: AppModule = {
  id: 'compare',
  mount(ctx: AppContext) {
    const { store } = ctx;
    const kept = new KeptResults();
    const keep = el(
      'button',
      { type: 'button', 'data-testid': 'compare-keep', disabled: '' },
      t('compare.keep'),
    );
    const keepStatus = el('span', { class: 'hint', role: 'status', 'data-testid': 'compare-keep-status' });
    ctx.toolbar.append(keep, keepStatus);
    void autosaveKept(kept, ctx.autosave, (text) => {
      keepStatus.textContent = text;
    });
    let keptResult: unknown = null;
    const syncKeep = () => {
      const r = currentResult(store.get());
      keep.disabled = !r || r === keptResult;
    };
    store.select((s) => s.result, syncKeep);
    store.select((s) => s.graph, syncKeep);
    keep.addEventListener('click', () => {
      const s = store.get();
      const r = currentResult(s);
      if (!r || !s.graph) return;
      keptResult = r;
      const item = kept.add({
        scenario: r.scenario,
        summary: r.summary,
        nodes: s.graph.loaded.csr.n,
        graphName: s.graph.name,
      });
      syncKeep();
      keepStatus.textContent = t('compare.kept', { label: item.label });
    });

    ctx.registerPanel({
      id: 'compare',
      title: 'compare.tab',
      order: 66,
      mount(container) {
        const empty = el('p', { class: 'hint', 'data-testid': 'compare-empty' }, t('compare.empty'));
        const body = el('tbody');
        const head = el(
          'tr',
          {},
          ...(
            [
              'compare.label',
              'compare.mean',
              'compare.ci',
              'compare.share',
              'compare.exposed',
              'compare.seeds',
              'compare.model',
              'compare.params',
              'compare.graph',
              'compare.actions',
            ] as const
          ).map((key) => el('th', { scope: 'col' }, t(key))),
        );
        const table = el(
          'table',
          { class: 'compare-table', 'data-testid': 'compare-table' },
          el('thead', {}, head),
          body,
        );
        const scroll = el('div', { class: 'compare-scroll' }, table);
        const charts = compareCharts();
        container.append(
          el('p', { class: 'hint' }, t('compare.intro')),
          empty,
          scroll,
          charts.element,
          el('p', { class: 'hint' }, t('compare.saved')),
        );

        const row = (k: KeptResult) => {
          const s = k.summary;
          const label = el('input', {
            type: 'text',
            value: k.label,
            'aria-label': t('compare.rename', { label: k.label }),
            'data-testid': 'compare-label',
            size: '8',
          });
          const commit = () => {
            if (label.value.trim() && label.value !== k.label) kept.rename(k.id, label.value);
            else label.value = k.label;
          };
          label.addEventListener('change', commit);
          label.addEventListener('keydown', (e) => {
            if (e.key === 'Enter') commit();
          });
          const remove = el(
            'button',
            {
              type: 'button',
              'data-testid': 'compare-remove',
              'aria-label': t('compare.removeOne', { label: k.label }),
            },
            t('compare.remove'),
          );
          remove.addEventListener('click', () => kept.remove(k.id));
          const cell = (text: string, testid: string) => el('td', { 'data-testid': testid }, text);
          return el(
            'tr',
            { 'data-testid': 'compare-row', 'data-id': String(k.id) },
            el('td', {}, label),
            cell(formatNumber(s.mean, 2), 'compare-mean'),
            cell(`${formatNumber(s.ci95[0], 2)} – ${formatNumber(s.ci95[1], 2)}`, 'compare-ci'),
            cell(`${formatNumber((100 * s.mean) / k.nodes, 2)}%`, 'compare-share'),
            cell(formatNumber(s.exposed, 1), 'compare-exposed'),
            cell(
              `${formatNumber(seedCount(k.scenario))}: ${seedsText(k.scenario, t('compare.random'))}`,
              'compare-seeds',
            ),
            cell(k.scenario.model, 'compare-model'),
            cell(
              paramsText(k.scenario, {
                file: t('compare.fileP'),
                maxSteps: (steps) => t('compare.maxSteps', { steps: formatNumber(steps) }),
              }),
              'compare-params',
            ),
            cell(`${k.graphName}, ${formatNumber(s.runs)} ${t('compare.runs')}`, 'compare-graph'),
            el('td', {}, remove),
          );
        };

        const render = (items: readonly KeptResult[]) => {
          empty.hidden = items.length > 0;
          scroll.hidden = items.length === 0;
          body.replaceChildren(...items.map(row));
          charts.update(items);
        };
        kept.subscribe(render);
        render(kept.list);
      },
    });
  },
};
