/**
 * The Leaders tab: who are the opinion leaders, by every centrality measure and by simulated
 * influence? Light metrics are computed in the workers when the tab is first shown (effects.ts);
 * betweenness, closeness and influence on request, with progress and cancel. The table fits the
 * side panel with a few columns (a picker chooses them) and opens wide with all of them; rows
 * focus accounts on the graph and add them to the seeds; the graph can be coloured and sized by
 * any metric; the agreement view compares a structural measure with the simulation.
 */
import './leaders.css';
import { useComputed } from '@preact/signals';
import type { MetricName } from '../../../analysis/centrality/index.ts';
import { useApp } from '../../core/context.ts';
import { downloadText, fileStem, sourceFileName } from '../../export/download.ts';
import { count } from '../../i18n/format.ts';
import { modelParams } from '../../run/controller.ts';
import { type Notice, noticeOf, noticeText } from '../../state/notice.ts';
import type { GraphState } from '../../state/types.ts';
import { NumberInput, type Option, Select } from '../../ui/fields.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { WideView } from '../../ui/WideView.tsx';
import type { GraphView } from '../../view/graph-view.ts';
import { modelName } from '../model/model-name.ts';
import { AgreementView } from './AgreementView.tsx';
import { MAX_SETS, MIN_SETS, parseSets, sideColumns, toggleColumn } from './actions.ts';
import { computeHeavy, computeInfluence } from './compute.ts';
import { runTask } from './effects.ts';
import { LeadersTable } from './LeadersTable.tsx';
import { metricLabel } from './labels.ts';
import { leadersCsv } from './leaders-csv.ts';
import { t } from './messages.ts';
import { bookOf, HEAVY, metricsFor } from './metric-book.ts';
import { matching, orderBy } from './ranking.ts';
import { chosenColumns, colorBy, influenceSets, message, query, sizeBy, sort, task } from './state.ts';

const RR_MODELS = ['ic', 'wc', 'lt'];

/** The tab's message in the current language; a focused account's depends on the drawing. */
function messageText(
  m: Notice | { focused: number } | null,
  graph: GraphState,
  view: GraphView | null,
): string {
  if (!m) return '';
  if (!('focused' in m)) return noticeText(m);
  const id = graph.loaded.ids[m.focused];
  if (!view) return t('leaders.focusPending', { id });
  return view.isDrawn(m.focused) ? t('leaders.focused', { id }) : t('leaders.notDrawn', { id });
}

export function LeadersPanel() {
  const app = useApp();
  const { store } = app;
  const graph = store.graph.value;
  const book = graph ? bookOf(graph) : null;
  // A hidden tab does not sort (82,000 rows: ~20 ms); it sorts when shown.
  const onScreen = store.tab.value === 'leaders';

  /** Node indices by the sort column (ties by the earlier account), before the search. */
  const order = useComputed(() => {
    const g = store.graph.value;
    if (!g) return new Uint32Array(0);
    const { column, descending } = sort.value;
    const scores = bookOf(g).get(column);
    return scores ? orderBy(scores, descending) : orderBy(new Float64Array(g.loaded.csr.n));
  });
  /** The table's rows: the order narrowed by the search. */
  const rows = useComputed(() => {
    const g = store.graph.value;
    if (!g) return new Uint32Array(0);
    return matching(order.value, g.loaded.ids, g.loaded.labels, query.value);
  });

  if (!graph || !book) return <p class="hint">{t('leaders.intro')}</p>;

  const directed = graph.loaded.csr.directed;
  const all = metricsFor(directed);
  const side = sideColumns(directed, chosenColumns.value);
  const running = task.state.value === 'running';
  const scenario = store.scenario.value;

  let influenceKey: string | null = null;
  try {
    influenceKey = JSON.stringify(modelParams(scenario, graph));
  } catch {
    influenceKey = null;
  }
  const notes: string[] = [];
  const samples = book.betweennessSamples.value;
  if (samples !== null) notes.push(t('leaders.sampled', { samples }));
  for (const m of book.unconverged.value) notes.push(t('leaders.notConverged', { metric: metricLabel(m) }));
  if (book.influence && book.influence.key !== influenceKey) notes.push(t('leaders.influence.stale'));

  const say = (notice: Notice) => {
    message.value = notice;
  };

  const heavyAll = async () => {
    for (const metric of HEAVY) {
      if (book.has(metric)) continue;
      const label = metric === 'betweenness' ? 'leaders.job.betweenness' : 'leaders.job.closeness';
      const ok = await runTask(graph, { say: () => t(label) }, (options) =>
        computeHeavy(app.pool, graph, metric, book, options).then(() => true),
      );
      if (!ok || store.graph.peek() !== graph) return;
    }
  };

  const simulate = () => {
    if (!RR_MODELS.includes(scenario.model)) {
      say({ say: () => t('leaders.influence.model') });
      return;
    }
    let params: ReturnType<typeof modelParams>;
    try {
      params = modelParams(scenario, graph);
    } catch (error) {
      say(noticeOf(error));
      return;
    }
    const sets = influenceSets.value;
    void runTask(graph, { say: () => t('leaders.job.influence') }, async (options) => {
      const scores = await computeInfluence(app.pool, graph, params, sets, scenario.rngSeed, options);
      book.setInfluence({ ...scores, key: JSON.stringify(params) });
    });
  };

  const exportCsv = () => {
    const file = `${fileStem(sourceFileName(graph.source))}-leaders.csv`;
    downloadText(leadersCsv(graph, book, rows.value), file, 'text/csv');
    say({ say: () => t('leaders.exported', { file }) });
  };

  const metricOptions: Option<MetricName | ''>[] = [
    { value: '', label: t('leaders.view.none') },
    ...all.map((m) => ({ value: m, label: metricLabel(m), disabled: !book.has(m) })),
  ];
  const tableRows = onScreen ? rows.value : null;

  return (
    <>
      <p class="hint">{t('leaders.intro')}</p>
      <TaskBar
        task={task}
        testid="leaders-job"
        cancelled={() => t('leaders.job.cancelled')}
        failed={(text) => t('leaders.job.error', { message: text })}
      />
      <div class="row">
        <button
          type="button"
          data-testid="leaders-heavy"
          disabled={running || HEAVY.every((m) => book.has(m))}
          onClick={() => void heavyAll()}
        >
          {t('leaders.heavy')}
        </button>
      </div>
      <p class="hint">{t('leaders.heavy.help')}</p>
      <div class="row">
        <NumberInput
          inline
          label={t('leaders.influence.sets')}
          testid="leaders-sets"
          value={influenceSets.value}
          min={MIN_SETS}
          max={MAX_SETS}
          step="1000"
          parse={(text) =>
            parseSets(text, () => t('leaders.influence.badSets', { min: MIN_SETS, max: MAX_SETS }))
          }
          onCommit={(value) => {
            if (value !== null) influenceSets.value = value;
          }}
        />
        <button type="button" data-testid="leaders-influence" disabled={running} onClick={simulate}>
          {t('leaders.influence')}
        </button>
      </div>
      <p class="hint">
        {t('leaders.influence.help', {
          model: modelName(scenario.model),
          sets: count(influenceSets.value),
        })}
      </p>
      <p class="hint" data-testid="leaders-notes">
        {notes.join(' ')}
      </p>
      <p class="hint" role="status" data-testid="leaders-message">
        {messageText(message.value, graph, app.view.value)}
      </p>
      <details class="column-picker" data-testid="leaders-columns">
        <summary>{t('leaders.columns')}</summary>
        <p class="hint">{t('leaders.columns.help')}</p>
        {all.map((m) => (
          <label key={m} class="choice">
            <input
              type="checkbox"
              data-testid={`leaders-column-${m}`}
              checked={side.includes(m)}
              onChange={() => {
                chosenColumns.value = toggleColumn(directed, chosenColumns.value, m);
              }}
            />{' '}
            {metricLabel(m)}
          </label>
        ))}
      </details>
      <WideView title={t('leaders.title')} testid="leaders-wide">
        {(wide) =>
          tableRows ? (
            <LeadersTable
              graph={graph}
              book={book}
              rows={tableRows}
              columns={wide ? all : side}
              wide={wide}
            />
          ) : null
        }
      </WideView>
      <div class="row">
        <button type="button" data-testid="leaders-export" onClick={exportCsv}>
          {t('leaders.export')}
        </button>
      </div>
      <fieldset class="group">
        <legend>{t('leaders.view.title')}</legend>
        <Select<MetricName | ''>
          inline
          label={t('leaders.view.color')}
          testid="leaders-color"
          value={colorBy.value ?? ''}
          options={metricOptions}
          onChange={(value) => {
            colorBy.value = value === '' ? null : value;
          }}
        />
        <Select<MetricName | ''>
          inline
          label={t('leaders.view.size')}
          testid="leaders-size"
          value={sizeBy.value ?? ''}
          options={metricOptions}
          onChange={(value) => {
            sizeBy.value = value === '' ? null : value;
          }}
        />
      </fieldset>
      <AgreementView book={book} metrics={all.filter((m) => m !== 'influence')} />
    </>
  );
}
