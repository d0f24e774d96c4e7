/** The live chart: people reached after each step, growing as the steps advance. */
import { ChartBox } from '../../ui/ChartBox.tsx';
import { OKABE_ITO } from '../../view/palette.ts';
import { t } from './messages.ts';
import { cascade, step } from './state.ts';

export function ReachChart() {
  const c = cascade.value;
  const s = step.value;
  const last = c?.lastStep ?? 0;
  const labels = Array.from({ length: last + 1 }, (_, k) => String(k));
  const data = Array.from({ length: last + 1 }, (_, k) => (c && k <= s ? c.reached[k] : null));
  return (
    <ChartBox
      testid="classroom-chart"
      title={t('classroom.chart')}
      config={{
        type: 'line',
        data: {
          labels,
          datasets: [
            {
              label: t('classroom.chart.people'),
              data,
              borderColor: OKABE_ITO.blue,
              backgroundColor: OKABE_ITO.blue,
              stepped: false,
              pointRadius: 3,
            },
          ],
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: {
            x: { title: { display: true, text: t('classroom.chart.step') } },
            y: {
              beginAtZero: true,
              suggestedMax: c ? c.n : 1,
              title: { display: true, text: t('classroom.chart.people') },
            },
          },
        },
      }}
    />
  );
}
