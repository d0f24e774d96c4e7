/**
 * The suggested seeds: their expected reach with its 95% interval (fresh Monte Carlo runs, never
 * the samples that chose them), how they were chosen, the accounts in the order the method picked
 * them (a click centres the graph on one), "Use as seeds" (the scenario's seed groups become
 * exactly these, launched together), and whether they are highlighted on the graph. Ids and
 * labels are user data, rendered as text.
 */
import { useApp } from '../../core/context.ts';
import { fixed } from '../../i18n/format.ts';
import { noticeText } from '../../state/notice.ts';
import { HIGHLIGHT_COLOR, useAsSeeds } from './effects.ts';
import { methodLabel } from './labels.ts';
import { t } from './messages.ts';
import { announcement, highlightOn, suggestion } from './state.ts';

export function SuggestionView() {
  const app = useApp();
  const graph = app.store.graph.value;
  const s = suggestion.value;
  const said = announcement.value ? noticeText(announcement.value) : '';
  const status = (
    <p role="status" class="hint" data-testid="seedfind-announce">
      {said}
    </p>
  );
  if (!s || !graph || s.graphSerial !== graph.serial) return status;
  const { found, settings } = s;
  const { ids, labels, csr } = graph.loaded;
  const degree = graph.facts.outDegree;
  const imm = found.details.imm as { rrSets: number; guarantee: number } | undefined;
  const communities = found.details.communities as number | undefined;
  const details = imm
    ? t('seedfind.details.imm', {
        sets: imm.rrSets,
        guarantee: fixed(100 * imm.guarantee, 0),
        seconds: fixed(found.seconds, 1),
      })
    : communities !== undefined
      ? t('seedfind.details.community', { communities })
      : t('seedfind.details.time', { seconds: fixed(found.seconds, 1) });
  return (
    <>
      <section class="seedfind-result" data-testid="seedfind-result">
        <h3 data-testid="seedfind-heading">
          {t('seedfind.heading', { method: methodLabel(settings.method), k: found.seeds.length })}
        </h3>
        <p
          data-testid="seedfind-spread"
          data-value={String(found.spread)}
          data-lo={String(found.ci95[0])}
          data-hi={String(found.ci95[1])}
        >
          {t('seedfind.spread', {
            mean: fixed(found.spread, 1),
            lo: fixed(found.ci95[0], 1),
            hi: fixed(found.ci95[1], 1),
            share: fixed((100 * found.spread) / csr.n, 1),
            runs: found.runs,
          })}
        </p>
        <p class="hint" data-testid="seedfind-details">
          {details}
        </p>
        <p class="hint" data-testid="seedfind-warnings">
          {found.warnings.join(' ')}
        </p>
        <ol class="seedfind-list" data-testid="seedfind-list">
          {found.seeds.map((v) => {
            const label = labels?.[v];
            const text = label && label !== ids[v] ? `${ids[v]} (${label})` : ids[v];
            return (
              <li key={v}>
                <button
                  type="button"
                  class="link"
                  data-node={ids[v]}
                  onClick={() => app.view.value?.focus(v)}
                >
                  {text}
                </button>
                <span class="hint"> {t('seedfind.audience', { degree: degree[v] })}</span>
              </li>
            );
          })}
        </ol>
        <div class="row">
          <button type="button" data-testid="seedfind-use" onClick={() => useAsSeeds(app)}>
            {t('seedfind.use')}
          </button>
          <label class="choice">
            <input
              type="checkbox"
              data-testid="seedfind-highlight"
              checked={highlightOn.value}
              onChange={(e) => {
                highlightOn.value = (e.currentTarget as HTMLInputElement).checked;
              }}
            />{' '}
            <span class="swatch" style={{ background: HIGHLIGHT_COLOR }} /> {t('seedfind.highlight')}
          </label>
        </div>
      </section>
      {status}
    </>
  );
}
