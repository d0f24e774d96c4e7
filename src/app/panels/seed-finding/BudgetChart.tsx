/**
 * The budget-curve chart: expected reach of the first k suggested seeds, k = 1..K, one line per
 * method run so far on the same graph and model, so the strategist sees what each extra account
 * buys and how the methods compare; tooltips and a table give the 95% interval of each point.
 */
import { useMemo } from 'preact/hooks';
import type { SeedMethod } from '../../../seeding/find-seeds.ts';
import { fixed } from '../../i18n/format.ts';
import { lang } from '../../i18n/lang.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import type { ChartConfiguration } from '../../ui/chart-setup.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { type CurveLine, curveRows, marginalGain } from './curves.ts';
import { methodLabel } from './labels.ts';
import { t } from './messages.ts';
import { curves } from './state.ts';

/** A fixed colour (and dash for the random baseline) per method, from the Okabe–Ito palette. */
const STYLE: Record<SeedMethod, { color: string; dash: number[] }> = {
  imm: { color: OKABE_ITO.blue, dash: [] },
  celf: { color: OKABE_ITO.vermillion, dash: [] },
  degree: { color: OKABE_ITO.orange, dash: [] },
  'degree-discount': { color: OKABE_ITO.skyBlue, dash: [] },
  pagerank: { color: OKABE_ITO.green, dash: [] },
  community: { color: OKABE_ITO.purple, dash: [] },
  random: { color: OKABE_ITO.black, dash: [6, 4] },
};

function ci(lo: number, hi: number): string {
  return `${fixed(lo, 1)} – ${fixed(hi, 1)}`;
}

export function budgetChartConfig(lines: readonly CurveLine[]): ChartConfiguration {
  return {
    type: 'line',
    data: {
      datasets: lines.map((l) => ({
        label: methodLabel(l.method),
        data: l.curve.map((p) => ({ x: p.k, y: p.spread })),
        borderColor: STYLE[l.method].color,
        backgroundColor: STYLE[l.method].color,
        borderDash: STYLE[l.method].dash,
        borderWidth: 2,
        pointRadius: l.curve.length > 40 ? 0 : 2,
      })),
    },
    options: {
      parsing: false,
      scales: {
        x: { type: 'linear', ticks: { precision: 0 }, title: { display: true, text: t('seedfind.curve.x') } },
        y: { beginAtZero: true, title: { display: true, text: t('seedfind.curve.y') } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => {
              const line = lines[item.datasetIndex];
              const point = line?.curve[item.dataIndex];
              if (!point) return '';
              return t('seedfind.curve.tooltip', {
                method: methodLabel(line.method),
                k: point.k,
                spread: fixed(point.spread, 1),
                lo: fixed(point.ci95[0], 1),
                hi: fixed(point.ci95[1], 1),
              });
            },
          },
        },
      },
    },
  };
}

export function BudgetChart() {
  const { lines } = curves.value;
  const language = lang.value;
  // A new config on a language switch: the texts follow the language.
  const config = useMemo(() => budgetChartConfig(lines), [lines, language]);
  if (lines.length === 0) return null;
  const gain = marginalGain(lines);
  return (
    <div data-testid="seedfind-budget-chart" data-methods={lines.map((l) => l.method).join(',')}>
      <ChartBox testid="seedfind-curve" title={t('seedfind.curve.title')} config={config} class="tall-chart">
        <p class="hint" data-testid="seedfind-curve-note">
          {gain
            ? t('seedfind.curve.marginal', {
                method: methodLabel(gain.method),
                k: gain.k,
                prev: gain.k - 1,
                gain: fixed(gain.gain, 1),
                first: fixed(gain.first, 1),
              })
            : ''}
        </p>
        <details data-testid="seedfind-curve-table">
          <summary>{t('seedfind.curve.table')}</summary>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">k</th>
                {lines.map((l) => (
                  <th scope="col" key={l.method}>
                    {methodLabel(l.method)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {curveRows(lines).map((row) => (
                <tr key={row.k}>
                  <td>{fixed(row.k, 0)}</td>
                  {row.points.map((p, i) => (
                    <td key={lines[i].method}>
                      {p ? `${fixed(p.spread, 1)} (${ci(p.ci95[0], p.ci95[1])})` : ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </ChartBox>
    </div>
  );
}
