/**
 * The Data tab: pick a bundled dataset (description and citation shown), open a file, and the
 * summary of what is loaded (nodes, edges, direction, components, what the loader dropped). The
 * picker names the loaded graph: a bundled dataset, or the user's file by its name.
 */
import type { Direction } from '../../../graph/types.ts';
import { DATASETS } from '../../bundled/datasets.ts';
import { useApp } from '../../core/context.ts';
import { Select } from '../../ui/fields.tsx';
import { datasetAbout, datasetOption } from './datasets.ts';
import { t } from './messages.ts';

export const ACCEPT = '.txt,.csv,.tsv,.edges,.el,.gz,.gexf,.graphml,.json';

/** Picker value for a graph that is not a bundled dataset. */
const OTHER = '';

export function DataPanel() {
  const { store, loader } = useApp();
  const graph = store.graph.value;
  const scenario = store.scenario.value;
  const source = graph?.source ?? scenario.graph;
  const bundled = source.kind === 'bundled' ? DATASETS.find((d) => d.file === source.file) : undefined;
  const r = graph?.loaded.report;
  return (
    <>
      <label for="dataset" class="field">
        <span>{t('data.dataset')}</span>
      </label>
      <select
        id="dataset"
        data-testid="dataset"
        value={bundled ? bundled.file : OTHER}
        onChange={(e) => {
          const file = (e.currentTarget as HTMLSelectElement).value;
          if (file !== OTHER) void loader.loadBundled(file);
        }}
      >
        {bundled ? null : (
          <option value={OTHER} data-testid="dataset-other">
            {graph ? `${t('data.pickFile')}: ${graph.name}` : t('data.pickFile')}
          </option>
        )}
        {DATASETS.map((d) => (
          <option key={d.file} value={d.file}>
            {datasetOption(d)}
          </option>
        ))}
      </select>
      <div class="about" data-testid="dataset-about">
        {bundled ? (
          <>
            <p>{datasetAbout(bundled)}</p>
            <p class="hint">{t('data.citation', { citation: bundled.citation })}</p>
            <p class="hint">{t('data.source', { source: bundled.source })}</p>
          </>
        ) : null}
      </div>
      <label for="file" class="field">
        <span>{t('data.open')}</span>
      </label>
      <input
        type="file"
        id="file"
        accept={ACCEPT}
        data-testid="file-input"
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const f = input.files?.[0];
          if (f) void loader.loadFile(f);
          input.value = '';
        }}
      />
      <p class="hint">{t('data.drop')}</p>
      {graph && r ? (
        <>
          <p data-testid="graph-summary" class="summary">
            {t('data.summary', {
              name: graph.name,
              nodes: graph.loaded.csr.n,
              edges: r.edges,
              directed: graph.loaded.csr.directed ? t('data.directed') : t('data.undirected'),
              components: graph.facts.components,
              largest: graph.facts.largestComponent,
            })}
          </p>
          <p class="hint" data-testid="graph-dropped">
            {t('data.dropped', { selfLoops: r.selfLoops, duplicates: r.duplicateEdges })}
          </p>
        </>
      ) : null}
      <Select<Direction>
        id="direction"
        testid="direction"
        label={t('data.direction')}
        value={r?.direction ?? scenario.direction}
        options={[
          { value: 'undirected', label: t('direction.undirected') },
          { value: 'influences', label: t('direction.influences') },
          { value: 'follows', label: t('direction.follows') },
        ]}
        onChange={(direction) => store.patchScenario({ direction })}
      />
      <p class="hint">{t('data.direction.help')}</p>
      {r && r.warnings.length > 0 ? (
        <p class="hint">{t('data.warnings', { warnings: r.warnings.join(' ') })}</p>
      ) : null}
    </>
  );
}
