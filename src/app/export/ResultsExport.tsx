/**
 * "Export results": the last result of the graph on screen as CSV files (results-export.ts) and
 * the graph as PNG with its legend (png.ts). The buttons are disabled until such a result exists;
 * `onDownloaded` hears each file name saved, and a failure goes to the page's alert.
 */
import { useId } from 'preact/hooks';
import { useApp } from '../core/context.ts';
import { legendEntries } from '../stage/legend.ts';
import { noticeOf } from '../state/notice.ts';
import { downloadText } from './download.ts';
import { t } from './messages.ts';
import { downloadGraphPng } from './png.ts';
import { CSV_TYPE, type CsvKind, type Current, exportName, resultCsv } from './results-export.ts';

const CSV_BUTTONS: { kind: CsvKind; label: () => string }[] = [
  { kind: 'summary', label: () => t('export.csv.summary') },
  { kind: 'hops', label: () => t('export.csv.hops') },
  { kind: 'adoption', label: () => t('export.csv.adoption') },
  { kind: 'histogram', label: () => t('export.csv.histogram') },
  { kind: 'nodes', label: () => t('export.csv.nodes') },
];

export function ResultsExport({ onDownloaded }: { onDownloaded: (file: string) => void }) {
  const { store, view } = useApp();
  const titleId = useId();
  const result = store.currentResult.value;
  const graph = store.graph.value;
  const current: Current | null = result && graph ? { result, graph } : null;
  const sigma = view.value?.sigma ?? null;

  const attempt = async (work: (c: Current) => Promise<string | null> | string | null) => {
    if (!current) return;
    try {
      const file = await work(current);
      if (file) onDownloaded(file);
    } catch (error) {
      store.alert.value = noticeOf(error);
    }
  };
  const csv = (kind: CsvKind) =>
    attempt((c) => {
      const text = resultCsv(kind, c);
      if (text === null) return null;
      const name = exportName(c.graph, kind, 'csv');
      downloadText(text, name, CSV_TYPE);
      return name;
    });
  const png = () =>
    attempt(async (c) => {
      if (!sigma) return null;
      const name = exportName(c.graph, 'graph', 'png');
      const legend = legendEntries(store).map((e) => ({ swatch: e.swatch, label: e.label() }));
      await downloadGraphPng(sigma, legend, name);
      return name;
    });

  return (
    <section class="export-results" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('export.results')}</h3>
      <p class="hint" data-testid="export-note" hidden={current !== null}>
        {t('export.noResult')}
      </p>
      <div class="button-list">
        {CSV_BUTTONS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            data-testid={`export-${kind}`}
            disabled={!current}
            onClick={() => void csv(kind)}
          >
            {label()}
          </button>
        ))}
        <button
          type="button"
          data-testid="export-png"
          disabled={!current || !sigma}
          title={current && !sigma ? t('export.pngUnavailable') : undefined}
          onClick={() => void png()}
        >
          {t('export.png')}
        </button>
      </div>
    </section>
  );
}
