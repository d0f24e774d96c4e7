/**
 * The numbers of a sweep in words: the tipping point (data-testid="critical-point": the median
 * over the random seeds in data-value, the range in data-min and data-max), how it was read, the
 * theoretical value and what it rests on, the fewest seeds reaching the target, the work done, a
 * one-sentence reading (and a second one when the seeds disagree); then every point of the curve
 * shown and, with several seeds, what each found.
 */
import type { ComponentChildren } from 'preact';
import { fixed, count as whole } from '../../i18n/format.ts';
import { aside, sentences } from '../../i18n/join.ts';
import { detectorLabel, formulaText, sweptValue, varyLabel } from './labels.ts';
import { t } from './messages.ts';
import { disagree, type Spread } from './repeats.ts';
import type { Sweep } from './state.ts';

function Row({
  term,
  testid,
  spread,
  value,
  children,
}: {
  term: string;
  testid: string;
  /** The raw number(s) for data-value (and data-min, data-max). */
  spread: Pick<Spread, 'median' | 'min' | 'max'> | null;
  value?: number | null;
  children: ComponentChildren;
}) {
  const raw = spread ? spread.median : (value ?? null);
  return (
    <>
      <dt>{term}</dt>
      <dd
        data-testid={testid}
        data-value={raw === null ? '' : String(raw)}
        data-min={spread?.min ?? undefined}
        data-max={spread?.max ?? undefined}
      >
        {children}
      </dd>
    </>
  );
}

export function Summary({ sweep, directed }: { sweep: Sweep; directed: boolean }) {
  const { summary, settings, repeats } = sweep;
  const count = repeats.length;
  const r = summary.shown.result;
  const vary = r.vary;
  const fmt = (x: number) => sweptValue(vary, x);
  const c = summary.critical;
  const detector = summary.shown.result.detection.detector;
  let point: string;
  if (c.median === null) point = t('critical.none');
  else if (count === 1)
    point = detector ? `${fmt(c.median)}${aside(detectorLabel(detector))}` : fmt(c.median);
  else
    point = t('critical.point.spread', {
      median: fmt(c.median),
      count,
      min: fmt(c.min as number),
      max: fmt(c.max as number),
    });
  const f = summary.fewest;
  const fewest = r.fewestSeeds;
  let fewestText = '';
  if (vary === 'k' && settings.target !== null) {
    if (count === 1 || !f)
      fewestText = fewest
        ? t('critical.fewest.value', {
            k: fewest.k,
            share: fixed(100 * fewest.share, 1),
            lo: fixed(fewest.ci95[0], 1),
            hi: fixed(fewest.ci95[1], 1),
          })
        : t('critical.fewest.none');
    else
      fewestText =
        f.median === null
          ? t('critical.fewest.none')
          : t('critical.fewest.spread', {
              k: fmt(f.median),
              count,
              min: fmt(f.min as number),
              max: fmt(f.max as number),
            });
  }
  const readingKey =
    vary === 'p' ? 'critical.reading.p' : vary === 'k' ? 'critical.reading.k' : 'critical.reading.phi';
  return (
    <section data-testid="critical-result" data-nodes={r.nodes}>
      <dl class="numbers" data-testid="critical-numbers">
        <Row term={t('critical.point')} testid="critical-point" spread={c}>
          {point}
          {count > 1 && c.median !== null && detector ? (
            <span class="hint">{aside(detectorLabel(detector))}</span>
          ) : null}
          {count > 1 && c.found < count ? (
            <span class="hint">{aside(t('critical.point.found', { found: c.found, count }))}</span>
          ) : null}
        </Row>
        <Row term={t('critical.theory')} testid="critical-theory" spread={null} value={r.theory}>
          {r.theory === null
            ? t('critical.theory.none')
            : `${fmt(r.theory)}${r.theoryDetail ? aside(formulaText(r.theoryDetail, directed)) : ''}`}
        </Row>
        {vary === 'k' && settings.target !== null ? (
          <Row
            term={t('critical.fewest', { target: fixed(100 * settings.target, 0) })}
            testid="critical-fewest"
            spread={count > 1 ? f : null}
            value={fewest ? fewest.k : null}
          >
            {fewestText}
          </Row>
        ) : null}
        <Row term={t('critical.work')} testid="critical-work" spread={null} value={summary.runs}>
          {t('critical.work.value', { points: summary.points, runs: summary.runs })}
        </Row>
      </dl>
      <p data-testid="critical-reading">
        {sentences(
          c.median === null ? t('critical.reading.none') : t(readingKey, { x: fmt(c.median) }),
          count > 1 && disagree(c)
            ? t('critical.reading.unsure', { min: fmt(c.min as number), max: fmt(c.max as number) })
            : '',
        )}
      </p>
    </section>
  );
}

/** Every point of the curve shown, for reading without the chart. */
export function PointsTable({ sweep }: { sweep: Sweep }) {
  const r = sweep.summary.shown.result;
  return (
    <details data-testid="critical-table">
      <summary>{t('critical.table.title')}</summary>
      <table class="data">
        <thead>
          <tr>
            <th scope="col" data-testid="critical-table-x">
              {varyLabel(r.vary)}
            </th>
            <th scope="col">{t('critical.table.mean')}</th>
            <th scope="col">{t('critical.table.ci')}</th>
            <th scope="col">{t('critical.table.global')}</th>
          </tr>
        </thead>
        <tbody>
          {r.curve.map((c) => (
            <tr key={c.x}>
              <td>{sweptValue(r.vary, c.x)}</td>
              <td>{fixed(c.mean, 1)}</td>
              <td>{`${fixed(c.ci95[0], 1)} – ${fixed(c.ci95[1], 1)}`}</td>
              <td>{`${fixed(100 * c.globalFraction, 1)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** What each random seed found. */
export function RepeatsTable({ sweep }: { sweep: Sweep }) {
  const vary = sweep.settings.vary;
  const withFewest = vary === 'k' && sweep.settings.target !== null;
  return (
    <details data-testid="critical-per-seed" open>
      <summary>{t('critical.repeatsTable.title')}</summary>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t('critical.repeatsTable.rng')}</th>
            <th scope="col">{t('critical.repeatsTable.point')}</th>
            {withFewest ? <th scope="col">{t('critical.repeatsTable.fewest')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {sweep.repeats.map(({ rngSeed, result }) => (
            <tr key={rngSeed} data-rng={rngSeed} data-critical={result.critical ?? ''}>
              <td>{String(rngSeed)}</td>
              <td>{result.critical === null ? t('critical.none') : sweptValue(vary, result.critical)}</td>
              {withFewest ? (
                <td>{result.fewestSeeds ? whole(result.fewestSeeds.k) : t('critical.fewest.none')}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
