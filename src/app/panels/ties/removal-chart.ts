/**
 * The removal experiment as two charts (the figure of Onnela et al. 2007): the largest connected
 * part as a share of the accounts, and the mean reach of a cascade with its 95% band, against the
 * share of ties removed, weakest first against strongest first.
 */
import type { RemovalResult } from '../../../ties/removal.ts';
import { percent } from '../../i18n/format.ts';
import type { ChartConfiguration } from '../../ui/chart-setup.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { t } from './messages.ts';

const ORDERS = [
  { key: 'weakFirst', color: OKABE_ITO.vermillion, band: 'rgba(213, 94, 0, 0.18)' },
  { key: 'strongFirst', color: OKABE_ITO.blue, band: 'rgba(0, 114, 178, 0.18)' },
] as const;

const orderLabel = (key: 'weakFirst' | 'strongFirst') => t(`ties.removal.${key}`);

function xAxis(result: RemovalResult) {
  return {
    labels: result.weakFirst.map((p) => percent(p.share, 0)),
    title: { display: true, text: t('ties.removal.axis.share') },
  };
}

export function componentChart(result: RemovalResult): ChartConfiguration {
  const x = xAxis(result);
  return {
    type: 'line',
    data: {
      labels: x.labels,
      datasets: ORDERS.map((o) => ({
        label: orderLabel(o.key),
        data: result[o.key].map((p) => p.largestComponent),
        borderColor: o.color,
        backgroundColor: o.color,
        borderWidth: 2,
        pointRadius: 2,
      })),
    },
    options: {
      scales: {
        x: { title: x.title },
        y: {
          min: 0,
          max: 1,
          title: { display: true, text: t('ties.removal.axis.component') },
          ticks: { callback: (v) => percent(Number(v), 0) },
        },
      },
    },
  };
}

/** Mean reach per order with its 95% band (two filled bounds under each line). */
export function reachChart(result: RemovalResult): ChartConfiguration {
  const x = xAxis(result);
  const datasets = ORDERS.flatMap((o) => {
    const points = result[o.key];
    const band = t('ties.removal.band', { order: orderLabel(o.key) });
    return [
      {
        label: band,
        data: points.map((p) => p.reach?.ci95[0] ?? 0),
        borderWidth: 0,
        pointRadius: 0,
        backgroundColor: o.band,
        fill: false,
      },
      {
        label: band,
        data: points.map((p) => p.reach?.ci95[1] ?? 0),
        borderWidth: 0,
        pointRadius: 0,
        backgroundColor: o.band,
        fill: '-1' as const,
      },
      {
        label: orderLabel(o.key),
        data: points.map((p) => p.reach?.mean ?? 0),
        borderColor: o.color,
        backgroundColor: o.color,
        borderWidth: 2,
        pointRadius: 2,
      },
    ];
  });
  return {
    type: 'line',
    data: { labels: x.labels, datasets },
    options: {
      plugins: { legend: { labels: { filter: (item) => (item.datasetIndex ?? 0) % 3 === 2 } } },
      scales: {
        x: { title: x.title },
        y: { beginAtZero: true, title: { display: true, text: t('ties.removal.axis.reach') } },
      },
    },
  };
}
