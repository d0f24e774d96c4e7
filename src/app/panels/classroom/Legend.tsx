/** The legend of the stage's colours: the four states, the seeds and the hand-offs (colors.ts). */
import { HANDOFF_COLOR, STATE_COLORS, STATES } from './colors.ts';
import { t } from './messages.ts';

export function Legend() {
  return (
    <ul class="cls-legend" data-testid="classroom-legend" aria-label={t('classroom.legend')}>
      {STATES.map((s) => (
        <li key={s} data-state={s} data-color={STATE_COLORS[s]}>
          <span class="swatch" style={{ background: STATE_COLORS[s] }} />
          {t(`classroom.state.${s}`)}
        </li>
      ))}
      <li>
        <span class="swatch big" style={{ background: '#fff', border: '2px solid #555' }} />
        {t('classroom.legend.seed')}
      </li>
      <li data-color={HANDOFF_COLOR}>
        <span class="swatch line" style={{ background: HANDOFF_COLOR }} />
        {t('classroom.legend.handoff')}
      </li>
    </ul>
  );
}
