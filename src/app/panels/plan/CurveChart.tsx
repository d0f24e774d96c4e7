/**
 * The budget curve: the expected objective against the budget, one line per strategy with its 95%
 * band, so the strategist sees what each extra unit of money buys with each rule; tooltips and a
 * table give every point's interval and seed count. The staggered launch has no curve of its own
 * (it launches the optimised seeds, whose curve it shares).
 */
import { useMemo } from 'preact/hooks';
import type { CurvePoint, PlanResult, StrategyName } from '../../../campaign/plan.ts';
import { lang } from '../../i18n/lang.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import type { ChartConfiguration } from '../../ui/chart-setup.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { t } from './messages.ts';
import { amount } from './PlanView.tsx';

const COLORS: Record<StrategyName, string> = {
  optimised: OKABE_ITO.blue,
  'optimised-staggered': OKABE_ITO.skyBlue,
  biggest: OKABE_ITO.vermillion,
  small: OKABE_ITO.green,
  community: OKABE_ITO.purple,
};

/** A colour with transparency for the band (#RRGGBB + alpha). */
const band = (color: string) => `${color}33`;

export interface CurveLine {
  name: StrategyName;
  points: CurvePoint[];
}

export function curveLines(result: PlanResult): CurveLine[] {
  return (Object.entries(result.budgetCurve.strategies) as [StrategyName, CurvePoint[]][])
    .filter(([, points]) => points.length > 0)
    .map(([name, points]) => ({ name, points }));
}

export function curveConfig(lines: readonly CurveLine[], objective: string): ChartConfiguration {
  const bandLabel = t('plan.curve.band');
  const datasets: NonNullable<ChartConfiguration<'line', { x: number; y: number }[]>['data']>['datasets'] =
    [];
  for (const line of lines) {
    const color = COLORS[line.name];
    datasets.push(
      {
        label: bandLabel,
        data: line.points.map((p) => ({ x: p.budget, y: Math.max(0, p.objective.ci95[0]) })),
        borderWidth: 0,
        pointRadius: 0,
        backgroundColor: band(color),
        fill: false,
      },
      {
        label: bandLabel,
        data: line.points.map((p) => ({ x: p.budget, y: p.objective.ci95[1] })),
        borderWidth: 0,
        pointRadius: 0,
        backgroundColor: band(color),
        fill: '-1',
      },
      {
        label: t(`plan.strategy.${line.name}`),
        data: line.points.map((p) => ({ x: p.budget, y: p.objective.mean })),
        borderColor: color,
        backgroundColor: color,
        borderWidth: 2,
        pointRadius: 2,
      },
    );
  }
  return {
    type: 'line',
    data: { datasets } as ChartConfiguration['data'],
    options: {
      parsing: false,
      scales: {
        x: { type: 'linear', beginAtZero: true, title: { display: true, text: t('plan.curve.x') } },
        y: { beginAtZero: true, title: { display: true, text: t('plan.curve.y', { objective }) } },
      },
      plugins: {
        legend: { labels: { filter: (item) => item.text !== bandLabel } },
        tooltip: {
          filter: (item) => item.dataset.label !== bandLabel,
          callbacks: {
            label: (item) => {
              const line = lines[Math.floor(item.datasetIndex / 3)];
              const p = line?.points[item.dataIndex];
              if (!p) return '';
              return t('plan.curve.tooltip', {
                strategy: t(`plan.strategy.${line.name}`),
                budget: amount(p.budget),
                value: amount(p.objective.mean),
                lo: amount(p.objective.ci95[0]),
                hi: amount(p.objective.ci95[1]),
                seeds: p.seeds,
              });
            },
          },
        },
      },
    },
  };
}

export function CurveChart({ result }: { result: PlanResult }) {
  const language = lang.value;
  const lines = useMemo(() => curveLines(result), [result]);
  const objective = t(`plan.objective.${result.objective}`);
  // A new config on a language switch: the texts follow the language.
  const config = useMemo(() => curveConfig(lines, objective), [lines, language, objective]);
  if (lines.length === 0) return null;
  return (
    <div data-testid="plan-curve-box" data-strategies={lines.map((l) => l.name).join(',')}>
      <ChartBox
        testid="plan-curve"
        title={t('plan.curve.title', { objective })}
        config={config}
        class="tall-chart"
      >
        <details data-testid="plan-curve-table">
          <summary>{t('plan.curve.table')}</summary>
          <div class="plan-table-box">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t('plan.curve.budget')}</th>
                  {lines.map((l) => (
                    <th scope="col" key={l.name}>
                      {t(`plan.strategy.${l.name}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.budgetCurve.budgets.map((b, j) => (
                  <tr key={b}>
                    <td>{amount(b)}</td>
                    {lines.map((l) => {
                      const p = l.points[j];
                      return (
                        <td key={l.name}>
                          {p
                            ? `${amount(p.objective.mean)} (${amount(p.objective.ci95[0])} – ${amount(p.objective.ci95[1])})`
                            : ''}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </ChartBox>
    </div>
  );
}
