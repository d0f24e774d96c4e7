/**
 * The Data tab: pick a bundled dataset (description and citation shown), open a file, and the
 * summary of what was loaded (nodes, edges, direction, components, what the loader dropped).
 */

import type { Direction } from '../../graph/types.ts';
import { DATASETS } from '../datasets.ts';
import { el, select } from '../dom.ts';
import { formatNumber, t } from '../i18n.ts';
import { datasetAbout, datasetOption } from '../language/datasets.ts';
import type { LoadController } from '../load/controller.ts';
import type { PanelDef } from '../panels.ts';
import type { GraphState } from '../store.ts';

export const ACCEPT = '.txt,.csv,.tsv,.edges,.el,.gz,.gexf,.graphml,.json';

export function dataPanel(loader: LoadController): PanelDef {
  return {
    id: 'data',
    title: 'tab.data',
    order: 10,
    mount(container, ctx) {
      const picker = el('select', { id: 'dataset', 'data-testid': 'dataset' });
      for (const d of DATASETS) picker.append(el('option', { value: d.file }, datasetOption(d)));
      const about = el('div', { class: 'about', 'data-testid': 'dataset-about' });
      const file = el('input', { type: 'file', id: 'file', accept: ACCEPT, 'data-testid': 'file-input' });
      const direction = select(
        [
          ['undirected', t('direction.undirected')],
          ['influences', t('direction.influences')],
          ['follows', t('direction.follows')],
        ],
        ctx.store.get().scenario.direction,
        { id: 'direction', 'data-testid': 'direction' },
      );
      direction.addEventListener('change', () =>
        ctx.store.patchScenario({ direction: direction.value as Direction }),
      );
      const summary = el('p', { 'data-testid': 'graph-summary', class: 'summary' });
      const dropped = el('p', { class: 'hint', 'data-testid': 'graph-dropped' });
      const warnings = el('p', { class: 'hint' });

      const showAbout = (name: string) => {
        const d = DATASETS.find((x) => x.file === name);
        about.replaceChildren();
        if (!d) return;
        about.append(
          el('p', {}, datasetAbout(d)),
          el('p', { class: 'hint' }, t('data.citation', { citation: d.citation })),
          el('p', { class: 'hint' }, t('data.source', { source: d.source })),
        );
      };
      picker.addEventListener('change', () => {
        showAbout(picker.value);
        void loader.loadBundled(picker.value);
      });
      file.addEventListener('change', () => {
        const f = file.files?.[0];
        if (f) void loader.loadFile(f);
        file.value = '';
      });

      const render = (graph: GraphState | null) => {
        if (!graph) return;
        const { loaded, facts, name, source } = graph;
        const r = loaded.report;
        if (source.kind === 'bundled') picker.value = source.file;
        direction.value = r.direction;
        showAbout(source.kind === 'bundled' ? source.file : '');
        summary.textContent = t('data.summary', {
          name,
          nodes: formatNumber(loaded.csr.n),
          edges: formatNumber(r.edges),
          directed: loaded.csr.directed ? t('data.directed') : t('data.undirected'),
          components: formatNumber(facts.components),
          largest: formatNumber(facts.largestComponent),
        });
        dropped.textContent = t('data.dropped', {
          selfLoops: formatNumber(r.selfLoops),
          duplicates: formatNumber(r.duplicateEdges),
        });
        warnings.textContent =
          r.warnings.length > 0 ? t('data.warnings', { warnings: r.warnings.join(' ') }) : '';
      };
      ctx.store.select((s) => s.graph, render);
      render(ctx.store.get().graph);

      container.append(
        el('label', { for: 'dataset', class: 'field' }, el('span', {}, t('data.dataset'))),
        picker,
        about,
        el('label', { for: 'file', class: 'field' }, el('span', {}, t('data.open'))),
        file,
        el('p', { class: 'hint' }, t('data.drop')),
        summary,
        dropped,
        el('label', { for: 'direction', class: 'field' }, el('span', {}, t('data.direction'))),
        direction,
        el('p', { class: 'hint' }, t('data.direction.help')),
        warnings,
      );
    },
  };
}
