/**
 * The Calibrate tab: a cascade log opened or dropped here (with a preview of what matched the
 * graph), one p or one per community, the Fit task (src/calibration/calibrate.ts on the page's
 * worker pool, as `ripple calibrate`), then the fit: p with its 95% interval, the models compared,
 * the goodness-of-fit verdict, the size distributions, and a button that makes the fitted p the
 * scenario's.
 */
import './calibrate.css';
import type { CalibrateBy } from '../../../calibration/calibrate.ts';
import { useApp } from '../../core/context.ts';
import { count, fixed } from '../../i18n/format.ts';
import { aside } from '../../i18n/join.ts';
import { noticeText } from '../../state/notice.ts';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { Select } from '../../ui/fields.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { binOf, openLogFile, runFit, setBin, useFittedP } from './effects.ts';
import { t } from './messages.ts';
import { SizeChart } from './SizeChart.tsx';
import { announcement, attemptError, binText, by, logFile, type ShownFit, shown, task } from './state.ts';

export function CalibratePanel() {
  const app = useApp();
  const graph = app.store.graph.value;
  if (!graph) return <p class="help">{t('cal.intro')}</p>;
  const busy = task.state.value === 'running';
  const attempt = attemptError.value ? noticeText(attemptError.value) : '';
  const said = announcement.value ? noticeText(announcement.value) : '';
  const open = logFile.value;
  const s = shown.value;
  const binBad = binOf(binText.value) === undefined;
  return (
    <>
      <p class="help">{t('cal.intro')}</p>
      <LogDrop />
      <p
        class="hint"
        data-testid="cal-preview"
        data-cascades={open?.preview.cascades}
        data-accounts={open?.preview.accounts}
        data-parents={open?.preview.parentsMatched}
      >
        {open ? previewText(open.name, open.preview) : t('cal.file.none')}
      </p>
      <div class="fields">
        <label class="field">
          <span>{t('cal.bin')}</span>
          <input
            type="text"
            inputMode="decimal"
            data-testid="cal-bin"
            aria-invalid={binBad}
            value={binText.value}
            onInput={(e) => setBin(app, (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <Select<CalibrateBy>
          label={t('cal.by')}
          testid="cal-by"
          value={by.value}
          options={(['global', 'community'] as const).map((v) => ({ value: v, label: t(`cal.by.${v}`) }))}
          onChange={(v) => {
            by.value = v;
          }}
        />
      </div>
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="cal-run"
          disabled={busy || !open}
          onClick={() => void runFit(app)}
        >
          {t('cal.run')}
        </button>
      </div>
      <p class="error" role="alert" data-testid="cal-error">
        {attempt}
      </p>
      <TaskBar
        task={task}
        testid="cal-task"
        cancelled={() => t('cal.cancelled')}
        failed={(message) => t('cal.error', { message })}
      />
      <p role="status" class="hint" data-testid="cal-status">
        {said}
      </p>
      {s && s.graphSerial === graph.serial ? <FitView s={s} /> : null}
    </>
  );
}

function previewText(
  name: string,
  p: { cascades: number; rows: number; accounts: number; parents: number; parentsMatched: number },
): string {
  const vars = { name, cascades: p.cascades, rows: p.rows, accounts: p.accounts };
  return p.parents === 0
    ? t('cal.file.noParents', vars)
    : t('cal.file.preview', { ...vars, parents: p.parents, parentsMatched: p.parentsMatched });
}

function LogDrop() {
  const app = useApp();
  return (
    <FileDrop
      class="cal-drop"
      choose={t('cal.file.choose')}
      hint={t('cal.file.drop')}
      accept=".csv,.jsonl,.json,.txt,text/csv,text/plain,application/json"
      testid="cal-drop"
      inputTestid="cal-input"
      onFile={(f) => void openLogFile(app, f)}
    />
  );
}

const p4 = (x: number) => fixed(x, 4);

function FitView({ s }: { s: ShownFit }) {
  const app = useApp();
  const r = s.result;
  const { estimate, ci95, ci95Method } = r.ic;
  const ks = r.fit.ks;
  const pValue =
    ks.pValue < 0.001
      ? t('cal.pValue.below', { value: fixed(0.001, 3) })
      : t('cal.pValue.equals', { value: fixed(ks.pValue, 3) });
  const verdictVars = {
    d: fixed(ks.statistic, 3),
    pValue,
    observed: fixed(r.fit.observedMeanSize, 2),
    simulated: fixed(r.fit.simulatedMeanSize, 2),
  };
  return (
    <section class="cal-result" data-testid="cal-result">
      <h3>{t('cal.heading', { file: s.file })}</h3>
      <p
        data-testid="cal-p"
        data-estimate={estimate}
        data-lo={ci95?.[0]}
        data-hi={ci95?.[1]}
        data-method={ci95Method}
      >
        <strong>
          {ci95
            ? t('cal.p', { p: p4(estimate), lo: p4(ci95[0]), hi: p4(ci95[1]) })
            : t('cal.pNoCi', { p: p4(estimate) })}
        </strong>
        <span class="hint">{aside(t(`cal.method.${ci95Method}`))}</span>
      </p>
      <div class="row">
        <button type="button" class="primary" data-testid="cal-use" onClick={() => useFittedP(app)}>
          {t('cal.use')}
        </button>
      </div>
      <p class="hint" data-testid="cal-counts">
        {t('cal.counts', {
          cascades: count(r.tally.cascades),
          attempts: count(r.tally.attempts),
          successes: count(r.tally.explained),
          outside: count(r.tally.unexplained),
        })}
      </p>
      <p data-testid="cal-verdict" data-rejected={String(r.fit.rejected)} data-ks={ks.statistic}>
        {t(r.fit.rejected ? 'cal.verdict.rejected' : 'cal.verdict.ok', verdictVars)}
      </p>
      <SizeChart cdf={r.fit.cdf} />
      {r.community ? <CommunityTable r={r} /> : null}
      <div class="cal-table-box">
        <table class="data" data-testid="cal-comparison" data-best={r.best}>
          <caption>{t('cal.comparison')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cal.model')}</th>
              <th scope="col">{t('cal.parameters')}</th>
              <th scope="col">{t('cal.logLikelihood')}</th>
              <th scope="col">{t('cal.aic')}</th>
            </tr>
          </thead>
          <tbody>
            {r.comparison.map((m) => (
              <tr
                key={m.model}
                data-model={m.model}
                data-ll={m.logLikelihood ?? ''}
                class={m.model === r.best ? 'best' : ''}
              >
                <td>{t(`cal.model.${m.model}`)}</td>
                <td>{count(m.parameters)}</td>
                {m.logLikelihood === null ? (
                  <td colSpan={2}>{t('cal.impossible')}</td>
                ) : (
                  <>
                    <td>{fixed(m.logLikelihood, 2)}</td>
                    <td>{fixed(m.aic ?? 0, 2)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="cal-best">{t('cal.best', { model: t(`cal.model.${r.best}`) })}</p>
    </section>
  );
}

function CommunityTable({ r }: { r: ShownFit['result'] }) {
  const c = r.community;
  if (!c) return null;
  const sizes = new Array<number>(c.count).fill(0);
  for (const label of c.labels) sizes[label]++;
  const rows = c.communities.filter((x) => x.attempts > 0).sort((a, b) => b.attempts - a.attempts);
  return (
    <div class="cal-table-box">
      <table class="data" data-testid="cal-communities">
        <caption>{t('cal.communities')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cal.community')}</th>
            <th scope="col">{t('cal.community.size')}</th>
            <th scope="col">{t('cal.community.attempts')}</th>
            <th scope="col">{t('cal.community.p')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.community} data-community={x.community} data-estimate={x.estimate ?? ''}>
              <td>{count(x.community)}</td>
              <td>{count(sizes[x.community] ?? 0)}</td>
              <td>{count(x.attempts)}</td>
              <td>
                {x.estimate === null
                  ? t('cal.community.none')
                  : x.ci95
                    ? `${p4(x.estimate)} (${p4(x.ci95[0])} – ${p4(x.ci95[1])})`
                    : p4(x.estimate)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
