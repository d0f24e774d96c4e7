/**
 * The kept results overlaid, as chart configurations: adoption over time (mean active after each
 * step) and reach within h hand-offs of the seeds (h = 0..6, the generations `ripple reach`
 * prints), one line per result in the colour-blind-safe palette (dashed after eight).
 */
import { SIX_DEGREES } from '../../../analysis/distance/seed-reach.ts';
import type { ChartConfiguration } from '../../ui/chart-setup.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { simulatedByHop } from '../six-degrees/analysis.ts';
import type { KeptResult } from './kept.ts';
import { t } from './messages.ts';

const COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
  OKABE_ITO.orange,
  OKABE_ITO.purple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];
const DASHES = [[], [6, 3], [2, 2]];

function style(i: number) {
  return {
    borderColor: COLORS[i % COLORS.length],
    backgroundColor: COLORS[i % COLORS.length],
    borderDash: DASHES[Math.floor(i / COLORS.length) % DASHES.length],
    borderWidth: 2,
    pointRadius: 2,
  };
}

function lineChart(
  labels: string[],
  datasets: { label: string; data: number[] }[],
  xTitle: string,
): ChartConfiguration {
  return {
    type: 'line',
    data: { labels, datasets: datasets.map((d, i) => ({ ...d, ...style(i) })) },
    options: {
      scales: {
        x: { title: { display: true, text: xTitle } },
        y: { beginAtZero: true, title: { display: true, text: t('compare.accounts') } },
      },
    },
  };
}

/** Mean active accounts after each step; a cascade that stopped stays at its size to the longest one's end. */
export function adoptionChart(items: readonly KeptResult[]): ChartConfiguration {
  const steps = Math.max(1, ...items.map((k) => k.summary.adoptionByStep.length));
  return lineChart(
    Array.from({ length: steps }, (_, i) => String(i)),
    items.map((k) => {
      const curve = k.summary.adoptionByStep;
      const last = curve.length > 0 ? curve[curve.length - 1] : 0;
      return {
        label: k.label,
        data: Array.from({ length: steps }, (_, s) => (s < curve.length ? curve[s] : last)),
      };
    }),
    t('compare.step'),
  );
}

/** Mean reached within h hand-offs, h = 0..6. */
export function hopsChart(items: readonly KeptResult[]): ChartConfiguration {
  return lineChart(
    Array.from({ length: SIX_DEGREES + 1 }, (_, h) => String(h)),
    items.map((k) => ({ label: k.label, data: simulatedByHop(k.summary.reachByHop) })),
    t('compare.hop'),
  );
}
