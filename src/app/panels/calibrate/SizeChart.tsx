/**
 * The size distribution of the cascades, observed and simulated with the fitted model, as two
 * step curves of the share of cascades up to each size (fit.cdf): where they part, the model
 * makes cascades of other sizes than those that happened.
 */
import { useMemo } from 'preact/hooks';
import type { CalibrationResult } from '../../../calibration/calibrate.ts';
import { lang } from '../../i18n/lang.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import type { ChartConfiguration } from '../../ui/chart-setup.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { t } from './messages.ts';

export function sizeConfig(cdf: CalibrationResult['fit']['cdf']): ChartConfiguration {
  const line = (label: string, ys: number[], color: string, dash: number[]) => ({
    label,
    data: cdf.size.map((x, i) => ({ x, y: ys[i] })),
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    borderDash: dash,
    pointRadius: 0,
    stepped: 'before' as const,
  });
  return {
    type: 'line',
    data: {
      datasets: [
        line(t('cal.chart.observed'), cdf.observed, OKABE_ITO.vermillion, []),
        line(t('cal.chart.simulated'), cdf.simulated, OKABE_ITO.blue, [6, 3]),
      ],
    } as ChartConfiguration['data'],
    options: {
      parsing: false,
      scales: {
        x: { type: 'linear', title: { display: true, text: t('cal.chart.x') } },
        y: { min: 0, max: 1, title: { display: true, text: t('cal.chart.y') } },
      },
    },
  };
}

export function SizeChart({ cdf }: { cdf: CalibrationResult['fit']['cdf'] }) {
  const language = lang.value;
  const config = useMemo(() => sizeConfig(cdf), [cdf, language]);
  return <ChartBox testid="cal-sizes" title={t('cal.chart.title')} config={config} class="tall-chart" />;
}
