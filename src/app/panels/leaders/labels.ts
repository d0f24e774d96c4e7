/**
 * How the Leaders tab writes a metric: its name in the current language, and a score with three
 * significant digits (whole-number metrics as counts), so a HITS score of 3.2e-9 reads 0.0000000032
 * and never 0.00000000.
 */
import type { MetricName } from '../../../analysis/centrality/index.ts';
import { count, significant } from '../../i18n/format.ts';
import { t } from './messages.ts';
import { WHOLE } from './metric-book.ts';

export function metricLabel(metric: MetricName): string {
  return t(`leaders.metric.${metric}`);
}

/** A score as text: whole-number metrics as counts, the others with three significant digits. */
export function formatScore(metric: MetricName, value: number): string {
  if (Number.isNaN(value)) return '—';
  return WHOLE.has(metric) ? count(value) : significant(value, 3);
}
