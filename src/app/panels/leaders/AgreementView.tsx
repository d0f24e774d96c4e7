/**
 * Do structure and simulation agree? The top-20 overlap and Spearman's rank correlation of a
 * structural measure with simulated influence (agreement.ts), and a scatter chart of the two ranks.
 */
import { ScatterController } from 'chart.js';
import { useMemo } from 'preact/hooks';
import type { MetricName } from '../../../analysis/centrality/index.ts';
import { fixed } from '../../i18n/format.ts';
import { lang } from '../../i18n/lang.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import { Chart, type ChartConfiguration } from '../../ui/chart-setup.ts';
import { Select } from '../../ui/fields.tsx';
import { OKABE_ITO } from '../../view/palette.ts';
import { agreement } from './agreement.ts';
import { metricLabel } from './labels.ts';
import { t } from './messages.ts';
import type { MetricBook } from './metric-book.ts';
import { agreeMetric } from './state.ts';

Chart.register(ScatterController);

export function AgreementView({ book, metrics }: { book: MetricBook; metrics: readonly MetricName[] }) {
  const metric = metrics.includes(agreeMetric.value) ? agreeMetric.value : 'pagerank';
  const scores = book.get(metric);
  const influence = book.influence?.score ?? null;
  const language = lang.value;
  // Two sorts of every account: only when a column changes.
  const a = useMemo(() => (scores && influence ? agreement(scores, influence) : null), [scores, influence]);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'scatter',
      data: {
        datasets: [
          {
            label: t('leaders.agree.points'),
            data: a?.points ?? [],
            backgroundColor: OKABE_ITO.blue,
            pointRadius: 2,
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: {
            min: 1,
            title: { display: true, text: t('leaders.agree.x', { metric: metricLabel(metric) }) },
          },
          y: { min: 1, title: { display: true, text: t('leaders.agree.y') } },
        },
      },
    }),
    [a, metric, language],
  );
  return (
    <section class="agreement" data-testid="leaders-agreement">
      <h3>{t('leaders.agree.title')}</h3>
      <Select<MetricName>
        label={t('leaders.agree.metric')}
        testid="agree-metric"
        value={metric}
        options={metrics.map((m) => ({ value: m, label: metricLabel(m) }))}
        onChange={(value) => {
          agreeMetric.value = value;
        }}
      />
      {a ? (
        <>
          <p data-testid="agree-overlap" data-value={a.overlap}>
            {t('leaders.agree.overlap', { k: a.k, common: a.overlap })}
          </p>
          <p data-testid="agree-spearman" data-value={a.rho === null ? '' : String(a.rho)}>
            {t('leaders.agree.spearman', { rho: a.rho === null ? '—' : fixed(a.rho, 3) })}
          </p>
          <ChartBox testid="agree-chart" title={t('leaders.agree.title')} config={config}>
            <p class="hint">{t('leaders.agree.explain')}</p>
          </ChartBox>
        </>
      ) : (
        <p class="hint">
          {influence ? t('leaders.agree.missing', { metric: metricLabel(metric) }) : t('leaders.agree.none')}
        </p>
      )}
    </section>
  );
}
