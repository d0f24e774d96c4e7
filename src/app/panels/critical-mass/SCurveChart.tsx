/** The S-curve of the sweep on the chart (s-curve.ts), with a note saying which curve it is. */
import { useMemo, useRef } from 'preact/hooks';
import { lang } from '../../i18n/lang.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import { t } from './messages.ts';
import { type Markers, markerPlugin, markersOf, NO_MARKERS, sCurveConfig } from './s-curve.ts';
import type { Sweep } from './state.ts';

export function SCurveChart({ sweep }: { sweep: Sweep }) {
  const language = lang.value;
  const markers = useRef<Markers>(NO_MARKERS);
  const plugin = useMemo(() => markerPlugin(() => markers.current), []);
  const count = sweep.repeats.length;
  markers.current = markersOf(sweep.summary, count);
  // A new config on a language switch: the texts follow the language.
  const config = useMemo(() => sCurveConfig(sweep.summary, count, plugin), [sweep, count, plugin, language]);
  return (
    <ChartBox testid="critical-chart" title={t('critical.chart.title')} config={config} class="tall-chart">
      {count > 1 ? (
        <p class="hint" data-testid="critical-chart-note">
          {t('critical.chart.note', { rng: String(sweep.summary.shown.rngSeed), count })}
        </p>
      ) : null}
    </ChartBox>
  );
}
