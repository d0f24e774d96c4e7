/**
 * What carried the cascade, for tie-aware runs (src/ties; docs/models.md, "via"): the mean
 * adoptions per run through strong ties, weak ties and groups, seeds excluded, each with its share
 * of those adoptions and a bar, so a strategist sees whether the message needed weak ties.
 */
import { Fragment } from 'preact';
import type { SimulationSummary } from '../../../diffusion/types.ts';
import { fixed, percent } from '../../i18n/format.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { t } from './messages.ts';

const KINDS = [
  { key: 'strong', color: OKABE_ITO.green },
  { key: 'weak', color: '#9aa5b1' },
  { key: 'group', color: OKABE_ITO.purple },
] as const;

export function Via({ via }: { via: NonNullable<SimulationSummary['via']> }) {
  const total = via.strong + via.weak + via.group;
  return (
    <section class="via" data-testid="result-via" aria-labelledby="via-title">
      <h3 id="via-title">{t('result.via')}</h3>
      <p class="hint">{t('result.via.help')}</p>
      <dl class="numbers">
        {KINDS.map(({ key, color }) => {
          const share = total > 0 ? via[key] / total : 0;
          return (
            <Fragment key={key}>
              <dt>{t(`result.via.${key}`)}</dt>
              <dd data-testid={`via-${key}`} data-value={via[key]}>
                {t('result.via.value', { mean: fixed(via[key], 2), share: percent(share, 1) })}
                <span
                  class="via-bar"
                  style={{
                    display: 'block',
                    height: '4px',
                    width: `${(100 * share).toFixed(1)}%`,
                    background: color,
                  }}
                />
              </dd>
            </Fragment>
          );
        })}
      </dl>
    </section>
  );
}
