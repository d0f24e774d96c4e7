/**
 * The "Six degrees" tab: how small the world of this graph is (hop plot, average distance,
 * effective and full diameter, HyperANF estimates flagged with their error) and how far the
 * current seeds could reach within 1..6 hops beside what the last simulation did reach, counted
 * by graph distance (as the Results tab) and by hand-offs (as `ripple reach`). The work starts
 * when the tab is first shown (effects.ts).
 */
import { useMemo } from 'preact/hooks';
import { HOP_PLOT_MODES, type HopPlotMode } from '../../../analysis/distance/component-hop-plot.ts';
import { SIX_DEGREES } from '../../../analysis/distance/seed-reach.ts';
import { useApp } from '../../core/context.ts';
import { count, fixed, percent } from '../../i18n/format.ts';
import { lang } from '../../i18n/lang.ts';
import { noticeText } from '../../state/notice.ts';
import type { GraphState } from '../../state/types.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import type { ChartConfiguration } from '../../ui/chart-setup.ts';
import { Select } from '../../ui/fields.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { OKABE_ITO } from '../../view/palette.ts';
import { modelName } from '../model/model-name.ts';
import { type ReachRow, reachRows, type SimulatedReach, simulatedReach } from './analysis.ts';
import { askDistances } from './effects.ts';
import { t } from './messages.ts';
import { distances, mode, type Scale, scale, seedKey, structural, structuralError, task } from './state.ts';

export function SixDegreesPanel() {
  return (
    <>
      <Distances />
      <SeedReach />
    </>
  );
}

const MODE_LABEL = {
  auto: 'six.mode.auto',
  exact: 'six.mode.exact',
  approx: 'six.mode.approx',
} as const satisfies Record<HopPlotMode, string>;

function Distances() {
  const app = useApp();
  const graph = app.store.graph.value;
  const shown = distances.value;
  const result = graph && shown?.serial === graph.serial ? shown.result : null;
  return (
    <div class="six-distances">
      <h3>{t('six.graphTitle')}</h3>
      <p class="hint">{t('six.intro')}</p>
      <div class="row">
        <Select<HopPlotMode>
          label={t('six.mode')}
          testid="six-mode"
          inline
          value={mode.value}
          onChange={(m) => {
            mode.value = m;
          }}
          options={HOP_PLOT_MODES.map((m) => ({ value: m, label: t(MODE_LABEL[m]) }))}
        />
        <button type="button" data-testid="six-compute" disabled={!graph} onClick={() => askDistances(app)}>
          {t('six.compute')}
        </button>
      </div>
      <TaskBar
        task={task}
        testid="six"
        cancelled={() => t('six.cancelled')}
        failed={(message) => t('six.error', { message })}
      />
      {result && graph ? <DistanceNumbers result={result} graph={graph} /> : null}
    </div>
  );
}

function DistanceNumbers({
  result: r,
  graph,
}: {
  result: NonNullable<typeof distances.value>['result'];
  graph: GraphState;
}) {
  const language = lang.value;
  const share = scale.value === 'share';
  const config = useMemo<ChartConfiguration>(() => {
    const plot = r.hopPlot;
    const total = plot[plot.length - 1] || 1;
    const label = share ? t('six.scale.share') : t('six.scale.pairs');
    return {
      type: 'line',
      data: {
        labels: plot.map((_, h) => String(h)),
        datasets: [
          {
            label,
            data: share ? plot.map((x) => (100 * x) / total) : plot,
            borderColor: OKABE_ITO.blue,
            backgroundColor: OKABE_ITO.blue,
            borderWidth: 2,
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: t('six.hops') } },
          y: { beginAtZero: true, title: { display: true, text: label } },
        },
      },
    };
  }, [r, share, language]);
  const approx = r.approximate ? '≈ ' : '';
  const pairs = r.hopPlot[r.hopPlot.length - 1] - r.hopPlot[0];
  return (
    <>
      <dl class="numbers" data-testid="six-numbers">
        <dt>{t('six.avgDistance')}</dt>
        <dd data-testid="six-avg" data-value={r.avgDistance ?? ''}>
          {r.avgDistance === null ? '–' : `${approx}${fixed(r.avgDistance, 2)}`}
        </dd>
        <dt>{t('six.effective')}</dt>
        <dd data-testid="six-effective" data-value={r.effectiveDiameter}>
          {`${approx}${fixed(r.effectiveDiameter, 2)}`}
        </dd>
        <dt>{t('six.diameter')}</dt>
        <dd data-testid="six-diameter" data-value={r.diameter} data-approximate={String(r.approximate)}>
          {`${r.approximate ? '≥ ' : ''}${count(r.diameter)}`}
        </dd>
        <dt>{t('six.component')}</dt>
        <dd data-testid="six-component">
          {t('six.componentValue', { nodes: r.distanceNodes, total: graph.loaded.csr.n, pairs })}
        </dd>
      </dl>
      <p class="hint" data-testid="six-approx" data-approximate={String(r.approximate)}>
        {r.approximate
          ? t('six.approxNote', {
              registers: r.hyperAnfRegisters ?? 0,
              error: fixed(100 * (r.relativeError ?? 0), 1),
            })
          : t('six.exactNote')}
      </p>
      <ChartBox testid="six-hop-plot" title={t('six.hopPlot')} config={config}>
        <Select<Scale>
          label={t('six.scale')}
          testid="six-scale"
          inline
          value={scale.value}
          onChange={(s) => {
            scale.value = s;
          }}
          options={[
            { value: 'pairs', label: t('six.scale.pairs') },
            { value: 'share', label: t('six.scale.share') },
          ]}
        />
        <details class="data-table">
          <summary>{t('six.table')}</summary>
          <table class="six-reach-table" data-testid="six-hop-table">
            <thead>
              <tr>
                <th scope="col">{t('six.hop')}</th>
                <th scope="col">{t('six.scale.pairs')}</th>
                <th scope="col">{t('six.scale.shareShort')}</th>
              </tr>
            </thead>
            <tbody>
              {r.hopPlot.map((x, h) => (
                <tr key={h}>
                  <th scope="row">{count(h)}</th>
                  <td data-testid={`six-hop-${h}`} data-value={x}>
                    {count(x)}
                  </td>
                  <td>{percent(x / (r.hopPlot[r.hopPlot.length - 1] || 1), 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </ChartBox>
    </>
  );
}

const HOPS = Array.from({ length: SIX_DEGREES }, (_, i) => String(i + 1));

function SeedReach() {
  const { store } = useApp();
  const graph = store.graph.value;
  const scenario = store.scenario.value;
  const result = store.currentResult.value;
  const language = lang.value;
  const measured = structural.value;
  const within = graph && measured?.key === seedKey(graph.serial, scenario.seeds) ? measured : null;
  const simulated = useMemo<SimulatedReach | null>(
    () => (graph && result ? simulatedReach(graph.loaded.csr, result) : null),
    [graph, result],
  );
  const rows = reachRows(within, simulated);

  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: HOPS,
        datasets: [
          {
            label: t('six.structure'),
            data: within ? within.within.slice(1) : [],
            backgroundColor: OKABE_ITO.skyBlue,
          },
          {
            label: t('six.byDistance'),
            data: simulated?.distance ? simulated.distance.slice(1) : [],
            backgroundColor: OKABE_ITO.vermillion,
          },
          {
            label: t('six.byGenerations'),
            data: simulated ? simulated.generations.slice(1) : [],
            backgroundColor: OKABE_ITO.orange,
          },
        ],
      },
      options: {
        scales: {
          x: { title: { display: true, text: t('six.hops') } },
          y: { beginAtZero: true, title: { display: true, text: t('six.accounts') } },
        },
      },
    }),
    [within, simulated, language],
  );

  let status = '';
  const error = structuralError.value;
  if (!graph) status = '';
  else if (error) status = t('six.error', { message: noticeText(error) });
  else if (scenario.seeds.kind === 'random') status = t('six.random');
  else if (!result) status = t('six.noRun');
  else if (JSON.stringify(result.scenario.seeds) !== JSON.stringify(scenario.seeds))
    status = t('six.otherSeeds', { runs: result.summary.runs });
  else
    status = t('six.lastRun', {
      runs: result.summary.runs,
      model: modelName(result.scenario.model),
    });
  const n = graph?.loaded.csr.n ?? 0;

  return (
    <div class="six-reach">
      <h3>{t('six.reachTitle')}</h3>
      <p class="hint">{t('six.reachIntro')}</p>
      <p class="hint" data-testid="six-reach-status" role="status">
        {status}
      </p>
      <ChartBox testid="six-seed-reach" title={t('six.reachChart')} config={config} />
      <table class="six-reach-table" data-testid="six-reach-table" data-ready={String(within !== null)}>
        <thead>
          <tr>
            <th scope="col">{t('six.hop')}</th>
            <th scope="col">{t('six.structure')}</th>
            <th scope="col">{t('six.byDistance')}</th>
            <th scope="col">{t('six.byGenerations')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.hop ?? 'any'} row={row} n={n} />
          ))}
        </tbody>
      </table>
      {simulated && !simulated.distance ? (
        <p class="hint" data-testid="six-no-distance">
          {t('six.noDistance')}
        </p>
      ) : null}
    </div>
  );
}

function Row({ row, n }: { row: ReachRow; n: number }) {
  const name = row.hop === null ? 'any' : String(row.hop);
  const cell = (value: number | null, testid: string, digits: number) => (
    <td data-testid={testid} data-value={value ?? ''}>
      {value === null ? (
        '–'
      ) : (
        <>
          {digits === 0 ? count(value) : fixed(value, digits)}
          {n > 0 ? <span class="share">{percent(value / n, 1)}</span> : null}
        </>
      )}
    </td>
  );
  return (
    <tr>
      <th scope="row">
        {row.hop === null ? t('six.anyRow') : row.hop === 0 ? t('six.seedsRow') : count(row.hop)}
      </th>
      {cell(row.structural, `six-structural-${name}`, 0)}
      {cell(row.distance, `six-distance-${name}`, 1)}
      {cell(row.generations, `six-simulated-${name}`, 1)}
    </tr>
  );
}
