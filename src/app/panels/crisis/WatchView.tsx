/**
 * Where to listen, on screen: the monitors (a click centres the graph on one), the three figures
 * with their 95% intervals (fresh stories, never the ones that chose the monitors), the online
 * bound in one sentence, the detection curve beside the baselines, and the baselines table. Each
 * figure and row carries its raw numbers in data attributes (read by the end-to-end test). Ids are
 * user data, rendered as text.
 */
import { useMemo } from 'preact/hooks';
import type { Estimate } from '../../../campaign/figures.ts';
import type { WatchFigures, WatchResult } from '../../../crisis/run.ts';
import { useApp } from '../../core/context.ts';
import { percent, significant } from '../../i18n/format.ts';
import { fullWidth, lang } from '../../i18n/lang.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import type { ChartConfiguration } from '../../ui/chart-setup.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { COLORS, watchSettingsOf } from './effects.ts';
import { t } from './messages.ts';
import { AccountLinks, FiguresHead } from './parts.tsx';
import { crisisModel, same } from './settings.ts';
import { watchShown } from './state.ts';

type Figure = 'detect' | 'time' | 'affected';
const FIGURES: Figure[] = ['detect', 'time', 'affected'];

/** A figure as the page writes it: detect as a share, the others with three significant digits. */
export function show(name: Figure, x: number): string {
  return name === 'detect' ? percent(x, 1) : significant(x, 3);
}

export function interval(name: Figure, e: Estimate): string {
  return `${show(name, e.ci95[0])} – ${show(name, e.ci95[1])}`;
}

export const est = (e: Estimate) => ({ mean: e.mean, ci95: e.ci95 });

function rowData(f: WatchFigures, ids: readonly string[]): string {
  return JSON.stringify({
    monitors: f.monitors.map((v) => ids[v]),
    detect: est(f.detect),
    time: est(f.time),
    affected: est(f.affected),
    detectionCurve: f.detectionCurve,
  });
}

const LINE_COLORS = {
  chosen: COLORS.monitor,
  degree: OKABE_ITO.blue,
  pagerank: OKABE_ITO.orange,
  random: OKABE_ITO.black,
} as const;

function curveConfig(result: WatchResult): ChartConfiguration {
  const lines = [
    { name: 'chosen' as const, curve: result.detectionCurve },
    ...result.baselines.map((b) => ({ name: b.name, curve: b.detectionCurve })),
  ];
  return {
    type: 'line',
    data: {
      datasets: lines.map((l) => ({
        label: t(`crisis.strategy.${l.name}`),
        data: l.curve.map((y, i) => ({ x: i + 1, y })),
        borderColor: LINE_COLORS[l.name],
        backgroundColor: LINE_COLORS[l.name],
        borderWidth: l.name === 'chosen' ? 3 : 2,
        borderDash: l.name === 'chosen' ? [] : [5, 3],
        pointRadius: 3,
      })),
    } as ChartConfiguration['data'],
    options: {
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          min: 1,
          ticks: { stepSize: 1, precision: 0 },
          title: { display: true, text: t('crisis.curve.x') },
        },
        y: {
          beginAtZero: true,
          max: 1,
          ticks: { callback: (v) => percent(Number(v), 0) },
          title: { display: true, text: t('crisis.curve.y') },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) =>
              t('crisis.curve.tooltip', {
                strategy: String(item.dataset.label ?? ''),
                k: item.dataIndex + 1,
                value: percent((item.raw as { y: number }).y, 1),
              }),
          },
        },
      },
    },
  };
}

function DetectionCurve({ result }: { result: WatchResult }) {
  const language = lang.value;
  const config = useMemo(() => curveConfig(result), [result, language]);
  return (
    <div data-testid="crisis-curve-box">
      <ChartBox testid="crisis-curve" title={t('crisis.curve.title')} config={config} class="tall-chart" />
    </div>
  );
}

export function WatchView() {
  const app = useApp();
  const { store } = app;
  const graph = store.graph.value;
  const s = watchShown.value;
  if (!s || !graph || s.graphSerial !== graph.serial) return null;
  const { result } = s;
  const { ids } = graph.loaded;
  const scenario = store.scenario.value;
  const stale =
    !same(s.settings, watchSettingsOf(store)) ||
    crisisModel(scenario) !== s.model ||
    (s.model === 'ic' && scenario.params.p !== s.p) ||
    scenario.rngSeed !== s.rngSeed;
  return (
    <div class="crisis-result" data-testid="crisis-watch-result" data-json={rowData(result, ids)}>
      <h4>{t('crisis.watch.heading', { k: result.monitors.length })}</h4>
      {stale ? (
        <p class="note" data-testid="crisis-watch-stale">
          {t('crisis.stale')}
        </p>
      ) : null}
      <AccountLinks nodes={result.monitors} ids={ids} testId="crisis-monitors" />
      <table class="data" data-testid="crisis-watch-figures">
        <caption>{t('crisis.watch.figures', { runs: result.runs })}</caption>
        <FiguresHead />
        <tbody>
          {FIGURES.map((name) => (
            <tr key={name} data-figure={name}>
              <th scope="row">{t(`crisis.fig.${name}`)}</th>
              <td>{show(name, result[name].mean)}</td>
              <td>{interval(name, result[name])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint" data-testid="crisis-undetected">
        {t('crisis.watch.undetected', { horizon: result.horizon })}
      </p>
      <p class="hint" data-testid="crisis-bound" data-of-best={String(result.ofBest)}>
        {t('crisis.watch.bound', {
          share: percent(result.ofBest, 1),
          objective: t(`crisis.objective.${result.objective}`),
          runs: result.runs,
        })}
      </p>
      <DetectionCurve result={result} />
      <div class="crisis-table-box">
        <table class="data" data-testid="crisis-watch-baselines">
          <caption>{t('crisis.baselines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('crisis.strategy')}</th>
              <th scope="col">{t('crisis.col.monitors')}</th>
              {FIGURES.map((name) => (
                <th scope="col" key={name}>
                  {t(`crisis.col.${name}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[{ name: 'chosen' as const, ...result }, ...result.baselines].map((b) => (
              <tr key={b.name} data-strategy={b.name} data-json={rowData(b, ids)}>
                <th scope="row">{t(`crisis.strategy.${b.name}`)}</th>
                <td>{b.monitors.map((v) => ids[v]).join(fullWidth() ? '、' : ', ')}</td>
                {FIGURES.map((name) => (
                  <td key={name}>
                    {show(name, b[name].mean)}
                    <br />
                    <span class="hint">{interval(name, b[name])}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
