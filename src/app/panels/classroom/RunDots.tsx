/**
 * "Run 100 times": the outcome of each run as a dot, stacked over the number of people it
 * reached (a dot plot), with how many died out and how many went global. Follows the settings
 * while shown (effects.ts computes it in slices).
 */
import { count, upTo } from '../../i18n/format.ts';
import { t } from './messages.ts';
import { distribution, RUNS, wantDistribution } from './state.ts';

const WIDTH = 360;
const DOT = 6;

/** Died out: at most a tenth of the people; went global: at least half. */
export const smallMax = (people: number) => Math.floor(people / 10);
export const largeMin = (people: number) => Math.ceil(people / 2);

export function RunDots() {
  const d = distribution.value;
  const sizes = d?.sizes ?? [];
  const people = d?.people ?? 0;
  const done = sizes.length === RUNS;
  const bins = Math.max(1, Math.min(people + 1, WIDTH / DOT));
  const binOf = (v: number) => Math.min(bins - 1, Math.floor((v / Math.max(1, people)) * (bins - 1) + 0.5));
  const stacks = new Array<number>(bins).fill(0);
  const dots = sizes.map((v) => {
    const b = binOf(v);
    return { x: b * DOT + DOT / 2, k: stacks[b]++ };
  });
  const tallest = Math.max(1, ...stacks);
  const height = tallest * DOT + 4;
  const small = sizes.filter((v) => v <= smallMax(people)).length;
  const large = sizes.filter((v) => v >= largeMin(people)).length;
  const mean = sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0;
  return (
    <figure
      class="cls-dots"
      data-testid="classroom-runs"
      data-state={!d ? 'idle' : done ? 'done' : 'running'}
      data-sizes={sizes.join(' ')}
    >
      <figcaption>
        <button
          type="button"
          data-testid="classroom-runs-start"
          onClick={() => (wantDistribution.value = true)}
          disabled={wantDistribution.value}
        >
          {t('classroom.runs')}
        </button>{' '}
        {t('classroom.runs.title')}
      </figcaption>
      {d ? (
        <>
          <svg
            viewBox={`0 0 ${bins * DOT} ${height}`}
            width="100%"
            height={Math.min(160, height * 2)}
            preserveAspectRatio="none"
            role="img"
            aria-label={t('classroom.runs.axis')}
          >
            {dots.map((p, i) => (
              <circle
                key={i}
                cx={p.x}
                cy={height - 2 - p.k * DOT - DOT / 2}
                r={DOT / 2 - 0.5}
                fill="#0072B2"
              />
            ))}
          </svg>
          <div class="cls-axis">
            <span>0</span>
            <span>{t('classroom.runs.axis')}</span>
            <span>{count(people)}</span>
          </div>
          <p data-testid="classroom-runs-summary">
            {done
              ? t('classroom.runs.summary', {
                  runs: RUNS,
                  small,
                  smallMax: smallMax(people),
                  large,
                  largeMin: largeMin(people),
                  mean: upTo(mean, 1),
                })
              : t('classroom.runs.computing', { done: sizes.length, total: RUNS })}
          </p>
        </>
      ) : null}
    </figure>
  );
}
