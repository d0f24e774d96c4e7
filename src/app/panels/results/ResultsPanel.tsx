/**
 * The Results tab: mean reach with its 95% CI and share of the network; simulated reach by
 * distance from the seeds (or by generation) beside the structural ceiling; adoption over time
 * with its 95% band; the cascade-size histogram (two humps when cascades either die at once or
 * take off).
 */
import { useMemo, useState } from 'preact/hooks';
import { useApp } from '../../core/context.ts';
import { count, fixed, percent } from '../../i18n/format.ts';
import { lang } from '../../i18n/lang.ts';
import { t as tr } from '../../run/messages.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import type { ChartConfiguration } from '../../ui/chart-setup.ts';
import { Select } from '../../ui/fields.tsx';
import { OKABE_ITO } from '../../view/palette.ts';
import { hopSeries } from './hop-series.ts';
import { t } from './messages.ts';
import { Via } from './Via.tsx';

type Measure = 'distance' | 'generations';

export function ResultsPanel() {
  const { store } = useApp();
  const result = store.currentResult.value;
  const graph = store.graph.value;
  const language = lang.value;
  const [measure, setMeasure] = useState<Measure>('distance');
  const [logScale, setLogScale] = useState(false);

  const series = useMemo(
    () => (result && graph ? hopSeries(graph.loaded.csr, result) : null),
    [result, graph],
  );
  const byDistance = measure === 'distance' && series?.distance != null;

  const hops = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: ['1', '2', '3', '4', '5', '6+'],
        datasets: [
          {
            label: byDistance ? t('result.hops.simulated') : t('result.hops.generations'),
            data: (byDistance ? series?.distance : series?.generations) ?? [],
            backgroundColor: OKABE_ITO.vermillion,
          },
          {
            label: t('result.hops.structural'),
            data: series?.structural ?? [],
            backgroundColor: OKABE_ITO.skyBlue,
          },
        ],
      },
      options: {
        scales: {
          x: {
            title: {
              display: true,
              text: byDistance ? t('result.hops.axis') : t('result.hops.axis.generations'),
            },
          },
          y: { beginAtZero: true, title: { display: true, text: t('result.accounts') } },
        },
      },
    }),
    [series, byDistance, language],
  );

  const s = result?.summary;
  const adoption = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels: s ? s.adoptionByStep.map((_, i) => String(i)) : [],
        datasets: [
          {
            label: t('result.adoption.band'),
            data: s ? s.adoptionByStepCi95.map((b) => b[0]) : [],
            borderWidth: 0,
            pointRadius: 0,
            backgroundColor: 'rgba(0, 114, 178, 0.2)',
            fill: false,
          },
          {
            label: t('result.adoption.band'),
            data: s ? s.adoptionByStepCi95.map((b) => b[1]) : [],
            borderWidth: 0,
            pointRadius: 0,
            backgroundColor: 'rgba(0, 114, 178, 0.2)',
            fill: '-1',
          },
          {
            label: t('result.adoption.mean'),
            data: s ? s.adoptionByStep : [],
            borderColor: OKABE_ITO.blue,
            backgroundColor: OKABE_ITO.blue,
            pointRadius: 0,
            borderWidth: 2,
          },
        ],
      },
      options: {
        plugins: { legend: { labels: { filter: (item) => item.datasetIndex !== 0 } } },
        scales: {
          x: { title: { display: true, text: t('result.adoption.axis') } },
          y: { beginAtZero: true, title: { display: true, text: t('result.accounts') } },
        },
      },
    }),
    [s, language],
  );

  const sizes = useMemo<ChartConfiguration>(() => {
    const bins = s?.sizes.histogram ?? [];
    return {
      type: 'bar',
      data: {
        labels: bins.map((b) => (b.from === b.to ? count(b.from) : `${count(b.from)}–${count(b.to)}`)),
        datasets: [
          {
            label: t('result.sizes.count'),
            data: bins.map((b) => b.count),
            backgroundColor: OKABE_ITO.orange,
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: t('result.sizes.axis') } },
          y: {
            type: logScale ? 'logarithmic' : 'linear',
            beginAtZero: true,
            title: { display: true, text: t('result.sizes.count') },
          },
        },
      },
    };
  }, [s, logScale, language]);

  if (!result || !graph || !s) return <p class="hint">{tr('result.none')}</p>;
  const n = graph.loaded.csr.n;
  return (
    <>
      <dl class="numbers" data-testid="result-numbers">
        <dt>{tr('result.mean')}</dt>
        <dd data-testid="result-mean">
          {t('result.meanCi', { mean: fixed(s.mean, 2), lo: fixed(s.ci95[0], 2), hi: fixed(s.ci95[1], 2) })}
        </dd>
        <dt>%</dt>
        <dd data-testid="result-share">{percent(s.mean / n, 2)}</dd>
        <dt>{t('result.sizes.count')}</dt>
        <dd data-testid="result-runs">{count(s.runs)}</dd>
      </dl>
      {s.via ? <Via via={s.via} /> : null}
      <div class="figures">
        <ChartBox testid="reach-by-hop" title={t('result.hops')} config={hops}>
          <Select<Measure>
            label={t('result.hops.measure')}
            testid="hops-measure"
            value={byDistance ? 'distance' : 'generations'}
            onChange={setMeasure}
            options={[
              {
                value: 'distance',
                label: t('result.hops.measure.distance'),
                disabled: series?.distance == null,
              },
              { value: 'generations', label: t('result.hops.measure.generations') },
            ]}
          />
          <p class="hint" data-testid="hops-note">
            {series?.distance == null
              ? t('result.hops.noDistance')
              : byDistance
                ? t('result.hops.note.distance')
                : t('result.hops.note.generations')}
          </p>
        </ChartBox>
        <ChartBox testid="adoption-curve" title={t('result.adoption')} config={adoption} />
        <ChartBox testid="size-histogram" title={t('result.sizes')} config={sizes}>
          <div>
            <p class="hint" data-testid="sizes-note">
              {t('result.sizes.note', {
                min: count(s.sizes.min),
                median: fixed(s.sizes.median, 1),
                max: count(s.sizes.max),
              })}
            </p>
            <label class="choice">
              <input
                type="checkbox"
                data-testid="sizes-log"
                checked={logScale}
                onChange={(e) => setLogScale((e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {t('result.sizes.log')}
            </label>
          </div>
        </ChartBox>
      </div>
    </>
  );
}
