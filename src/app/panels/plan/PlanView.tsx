/**
 * The plan on screen: its figures with their 95% intervals (fresh Monte Carlo runs, never the
 * samples that chose it), the guarantee in one sentence, the seeds in the order chosen (cost,
 * followers, marginal gain; a click centres the graph on one), "Use as the scenario's seeds", the
 * highlight on the graph, the CSV export, the strategy table and the budget curve. Each figure
 * and strategy row carries its raw numbers in data attributes (read by the end-to-end test).
 * Ids are user data, rendered as text.
 */
import { enumerationFor } from '../../../campaign/budgeted-coverage.ts';
import type { Estimate } from '../../../campaign/figures.ts';
import type { CampaignFigures, PlanResult, StrategyResult } from '../../../campaign/plan.ts';
import { useApp } from '../../core/context.ts';
import { fixed, percent, significant } from '../../i18n/format.ts';
import { sentences } from '../../i18n/join.ts';
import { noticeText } from '../../state/notice.ts';
import { CurveChart } from './CurveChart.tsx';
import { exportPlan, HIGHLIGHT_COLOR, settingsOf, usePlanSeeds } from './effects.ts';
import { t } from './messages.ts';
import { plannerModel, samePlan } from './settings.ts';
import { announcement, highlightOn, shown } from './state.ts';

/** A count or an amount: whole above 100, else three significant digits. */
export function amount(x: number): string {
  return Math.abs(x) >= 100 ? fixed(x, 0) : significant(x, 3);
}

function interval(e: Estimate): string {
  return `${amount(e.ci95[0])} – ${amount(e.ci95[1])}`;
}

type FigureKey = keyof CampaignFigures;
const FIGURES: FigureKey[] = [
  'reach',
  'exposure',
  'impressions',
  'conversions',
  'costPerReach',
  'costPerConversion',
  'roi',
  'adEquivalent',
];

/** Why a figure is absent: it needs a rate the user did not give, or its interval reaches zero. */
function absentText(key: FigureKey): string {
  if (key === 'roi') return t('plan.fig.needValue');
  if (key === 'adEquivalent') return t('plan.fig.needCpm');
  return t('plan.fig.undefined');
}

function FigureRow({ name, e, result }: { name: FigureKey; e: Estimate | null; result: PlanResult }) {
  const show = (x: number) => (name === 'roi' ? percent(x, 1) : amount(x));
  // ROI needs a value; the ad-equivalent value a CPM: say what is missing rather than a dash.
  const missing =
    e === null ? (name === 'roi' && result.cost <= 0 ? t('plan.fig.undefined') : absentText(name)) : '';
  return (
    <tr
      data-figure={name}
      data-mean={e ? String(e.mean) : undefined}
      data-lo={e ? String(e.ci95[0]) : undefined}
      data-hi={e ? String(e.ci95[1]) : undefined}
    >
      <th scope="row">{t(`plan.fig.${name}`)}</th>
      {e ? (
        <>
          <td>{show(e.mean)}</td>
          <td>{`${show(e.ci95[0])} – ${show(e.ci95[1])}`}</td>
        </>
      ) : (
        <td colSpan={2} class="hint">
          {missing}
        </td>
      )}
    </tr>
  );
}

function guaranteeText(result: PlanResult, n: number): string {
  const g = result.guarantee;
  const floor = enumerationFor(n) === 'full' ? '1 − 1/e' : '(1 − 1/e)/2';
  const sentence = t('plan.guarantee', {
    objective: t(`plan.objective.${result.objective}`),
    ratio: percent(g.ratio, 1),
    confidence: percent(g.confidence ?? 0, 1),
    sets: g.rrSets ?? 0,
    floor,
    epsilon: String(g.epsilon ?? ''),
  });
  return sentences(sentence, t(`plan.rule.${g.rule}`));
}

/** The strategy row's raw numbers as JSON (ids, cost and every figure's mean and interval). */
function strategyData(s: StrategyResult, ids: readonly string[]): string {
  const est = (e: Estimate) => ({ mean: e.mean, ci95: e.ci95 });
  return JSON.stringify({
    seeds: s.seeds.map((v) => ids[v]),
    starts: s.starts,
    cost: s.cost,
    reach: est(s.reach),
    exposure: est(s.exposure),
    impressions: est(s.impressions),
    conversions: est(s.conversions),
  });
}

export function PlanView() {
  const app = useApp();
  const { store } = app;
  const graph = store.graph.value;
  const s = shown.value;
  const said = announcement.value ? noticeText(announcement.value) : '';
  const status = (
    <p role="status" class="hint" data-testid="plan-announce">
      {said}
    </p>
  );
  if (!s || !graph || s.graphSerial !== graph.serial) return status;
  const { result } = s;
  const { ids } = graph.loaded;
  const scenario = store.scenario.value;
  const stale =
    !samePlan(s.settings, settingsOf(store)) ||
    plannerModel(scenario) !== s.model ||
    (s.model === 'ic' && scenario.params.p !== s.p) ||
    scenario.rngSeed !== s.rngSeed;
  const stagger = result.strategies.find((x) => x.name === 'optimised-staggered');
  const step = stagger && stagger.starts.length > 1 ? stagger.starts[1] - stagger.starts[0] : 1;
  return (
    <>
      <section class="plan-result" data-testid="plan-result">
        <h3 data-testid="plan-heading">
          {t('plan.heading', {
            k: result.seeds.length,
            cost: amount(result.cost),
            budget: amount(result.budget),
          })}
        </h3>
        {stale ? (
          <p class="note" data-testid="plan-stale">
            {t('plan.stale')}
          </p>
        ) : null}
        <table class="data plan-figures" data-testid="plan-figures">
          <caption>{t('plan.figures', { runs: result.runs })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.figure')}</th>
              <th scope="col">{t('plan.mean')}</th>
              <th scope="col">{t('plan.interval')}</th>
            </tr>
          </thead>
          <tbody>
            {FIGURES.map((name) => (
              <FigureRow key={name} name={name} e={result[name]} result={result} />
            ))}
          </tbody>
        </table>
        <p class="hint" data-testid="plan-guarantee">
          {guaranteeText(result, graph.loaded.csr.n)}
        </p>
        <table class="data plan-picks" data-testid="plan-picks">
          <caption>{t('plan.seeds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.seed.id')}</th>
              <th scope="col">{t('plan.seed.cost')}</th>
              <th scope="col">{t('plan.seed.followers')}</th>
              <th scope="col">{t('plan.seed.gain')}</th>
            </tr>
          </thead>
          <tbody>
            {result.picks.map((p) => (
              <tr key={p.node} data-node={ids[p.node]}>
                <td>
                  <button type="button" class="link" onClick={() => app.view.value?.focus(p.node)}>
                    {ids[p.node]}
                  </button>
                </td>
                <td>{amount(p.cost)}</td>
                <td>{fixed(p.followers, 0)}</td>
                <td>{amount(p.marginalGain)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="row">
          <button type="button" data-testid="plan-use" onClick={() => usePlanSeeds(app)}>
            {t('plan.use')}
          </button>
          <button type="button" data-testid="plan-export" onClick={() => exportPlan(app)}>
            {t('plan.export')}
          </button>
          <label class="choice">
            <input
              type="checkbox"
              data-testid="plan-highlight"
              checked={highlightOn.value}
              onChange={(e) => {
                highlightOn.value = (e.currentTarget as HTMLInputElement).checked;
              }}
            />{' '}
            <span class="swatch" style={{ background: HIGHLIGHT_COLOR }} /> {t('plan.highlight')}
          </label>
        </div>
        <div class="plan-table-box">
          <table class="data plan-strategies" data-testid="plan-strategies">
            <caption>{t('plan.strategies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.strategy')}</th>
                <th scope="col">{t('plan.strategy.seeds')}</th>
                <th scope="col">{t('plan.strategy.cost')}</th>
                <th scope="col">{t('plan.col.reach')}</th>
                <th scope="col">{t('plan.col.exposure')}</th>
                <th scope="col">{t('plan.col.conversions')}</th>
              </tr>
            </thead>
            <tbody>
              {result.strategies.map((x) => (
                <tr key={x.name} data-strategy={x.name} data-json={strategyData(x, ids)}>
                  <th scope="row">{t(`plan.strategy.${x.name}`)}</th>
                  <td>{fixed(x.seeds.length, 0)}</td>
                  <td>{amount(x.cost)}</td>
                  <td>
                    {amount(x.reach.mean)}
                    <br />
                    <span class="hint">{interval(x.reach)}</span>
                  </td>
                  <td>
                    {amount(x.exposure.mean)}
                    <br />
                    <span class="hint">{interval(x.exposure)}</span>
                  </td>
                  <td>
                    {amount(x.conversions.mean)}
                    <br />
                    <span class="hint">{interval(x.conversions)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="hint">{t('plan.staggerNote', { steps: step })}</p>
      </section>
      <CurveChart result={result} />
      {status}
    </>
  );
}
