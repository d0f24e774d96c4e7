/**
 * "Export results" buttons: the last result as CSV files (summary, reach by hop beside the
 * structural reach of the same seeds, adoption by step with its 95% band, cascade-size histogram,
 * activation frequency per account) and the graph as PNG. Buttons are disabled until a result of
 * the graph on screen exists.
 */
import { el } from '../dom.ts';
import { t } from '../i18n.ts';
import type { AppContext } from '../panels.ts';
import type { GraphState, RunResult } from '../state/types.ts';
import { adoptionCsv, histogramCsv, nodeFrequencyCsv, reachByHopCsv, summaryCsv } from './csv.ts';
import { downloadText, fileStem, sourceFileName } from './download.ts';
import { downloadGraphPng } from './png.ts';
import { structuralReach } from './structural-reach.ts';

const CSV_TYPE = 'text/csv;charset=utf-8';

/** Hops of structural reach written beside the simulated reach (the results panel shows 1..6+). */
const STRUCTURAL_HOPS = 6;

interface Current {
  result: RunResult;
  graph: GraphState;
}

type CsvKind = 'summary' | 'hops' | 'adoption' | 'histogram' | 'nodes';

/** The CSV text of one export, or null when the result lacks what it needs. */
export function resultCsv(kind: CsvKind, { result, graph }: Current): string | null {
  const { summary, shard, scenario } = result;
  switch (kind) {
    case 'summary':
      return summaryCsv(summary, {
        scenario,
        nodes: graph.loaded.csr.n,
        graphName: graph.name,
        seconds: result.seconds,
      });
    case 'hops': {
      const seeds = result.seedGroups.flatMap((g) => g.nodes);
      const hops = Math.max(STRUCTURAL_HOPS, summary.reachByHop.length - 1);
      const structural = seeds.length > 0 ? structuralReach(graph.loaded.csr, seeds, hops) : null;
      return reachByHopCsv(summary, structural);
    }
    case 'adoption':
      return adoptionCsv(summary);
    case 'histogram':
      return histogramCsv(summary);
    case 'nodes':
      return shard.nodeCounts
        ? nodeFrequencyCsv(shard.nodeCounts, shard.runCount, graph.loaded.ids, graph.loaded.labels)
        : null;
  }
}

export function resultsExportSection(ctx: AppContext, onStatus: (message: string) => void): HTMLElement {
  const { store } = ctx;
  const current = (): Current | null => {
    const { result, graph } = store.get();
    return result && graph && result.graphSerial === graph.serial ? { result, graph } : null;
  };

  const buttons: HTMLButtonElement[] = [];
  const button = (testid: string, label: string, action: (c: Current) => void | Promise<void>) => {
    const b = el('button', { type: 'button', 'data-testid': testid }, label);
    b.addEventListener('click', async () => {
      const c = current();
      if (!c) return;
      try {
        await action(c);
      } catch (error) {
        ctx.alert((error as Error).message);
      }
    });
    buttons.push(b);
    return b;
  };
  const csvButton = (kind: CsvKind, testid: string, label: string) =>
    button(testid, label, (c) => {
      const text = resultCsv(kind, c);
      if (text === null) return;
      const name = `${fileStem(sourceFileName(c.graph.source))}-${kind}.csv`;
      downloadText(text, name, CSV_TYPE);
      onStatus(name);
    });

  const note = el('p', { class: 'hint', 'data-testid': 'export-note' }, t('share.noResult'));
  const section = el(
    'section',
    { class: 'export-results', 'aria-labelledby': 'export-results-title' },
    el('h3', { id: 'export-results-title' }, t('share.results')),
    note,
    el(
      'div',
      { class: 'button-list' },
      csvButton('summary', 'export-summary', t('share.csv.summary')),
      csvButton('hops', 'export-hops', t('share.csv.hops')),
      csvButton('adoption', 'export-adoption', t('share.csv.adoption')),
      csvButton('histogram', 'export-histogram', t('share.csv.histogram')),
      csvButton('nodes', 'export-nodes', t('share.csv.nodes')),
      button('export-png', t('share.png'), async (c) => {
        const view = ctx.view();
        if (!view) return;
        const name = `${fileStem(sourceFileName(c.graph.source))}-graph.png`;
        await downloadGraphPng(view.sigma, name);
        onStatus(name);
      }),
    ),
  );

  const render = () => {
    const c = current();
    note.hidden = c !== null;
    for (const b of buttons) b.disabled = c === null;
  };
  store.select((s) => s.result, render);
  store.select((s) => s.graph, render);
  render();
  return section;
}
