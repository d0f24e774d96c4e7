/** The live sliders: every change re-runs the cascade at once (state.ts computes it). */
import { useId } from 'preact/hooks';
import { count, upTo } from '../../i18n/format.ts';
import { t } from './messages.ts';
import { MAX_NEED, MAX_SEEDS, withNeed, withP, withPlacement, withSeedCount } from './model.ts';
import { PLACEMENTS, type Placement } from './seeding.ts';
import { classroom } from './state.ts';

function Slider(props: {
  label: string;
  testid: string;
  value: number;
  min: number;
  max: number;
  step: number;
  shown: string;
  help?: string;
  onInput(value: number): void;
}) {
  const id = useId();
  return (
    <div class="cls-slider">
      <label for={id}>
        {props.label} <output data-testid={`${props.testid}-value`}>{props.shown}</output>
      </label>
      <input
        id={id}
        type="range"
        data-testid={props.testid}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onInput={(e) => props.onInput(Number((e.currentTarget as HTMLInputElement).value))}
      />
      {props.help ? <small>{props.help}</small> : null}
    </div>
  );
}

export function Controls() {
  const c = classroom.value;
  const maxSeeds = Math.min(MAX_SEEDS, c.network.people.length);
  return (
    <div class="cls-controls">
      <Slider
        label={t('classroom.p')}
        testid="classroom-p"
        value={c.p}
        min={0}
        max={1}
        step={0.05}
        shown={upTo(c.p, 2)}
        onInput={(v) => (classroom.value = withP(classroom.peek(), v))}
      />
      <Slider
        label={t('classroom.need')}
        testid="classroom-need"
        value={c.need}
        min={1}
        max={MAX_NEED}
        step={1}
        shown={count(c.need)}
        help={t('classroom.need.help')}
        onInput={(v) => (classroom.value = withNeed(classroom.peek(), v))}
      />
      <Slider
        label={t('classroom.seeds')}
        testid="classroom-seeds"
        value={c.seeds.length}
        min={0}
        max={Math.max(1, maxSeeds)}
        step={1}
        shown={count(c.seeds.length)}
        onInput={(v) => (classroom.value = withSeedCount(classroom.peek(), v))}
      />
      <label class="cls-placement">
        {t('classroom.placement')}{' '}
        <select
          data-testid="classroom-placement"
          value={c.placement}
          onChange={(e) =>
            (classroom.value = withPlacement(
              classroom.peek(),
              (e.currentTarget as HTMLSelectElement).value as Placement,
            ))
          }
        >
          {PLACEMENTS.map((p) => (
            <option key={p} value={p}>
              {t(`classroom.placement.${p}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
