/**
 * Playback in the bar under the graph (so it never covers the cascade): after a run, "Replay one
 * cascade"; then the controls of the open session (session.ts): step back, play/pause, step
 * forward, the time scrub bar, the counts at the current step, speed, colouring and close.
 * What the colours mean is in the graph's legend.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import { useApp } from '../core/context.ts';
import { Select } from '../ui/fields.tsx';
import { t } from './messages.ts';
import { type ColorBy, type Playback, SPEEDS } from './playback.ts';
import { closePlayback, openPlayback, session } from './session.ts';

export function PlaybackBar() {
  const app = useApp();
  const { store, view } = app;
  const playback = session.value;
  const available = view.value !== null && store.currentResult.value !== null && store.trace.value !== null;
  // Keyboard focus follows the bar: opening moves it to Play, closing back to "Replay".
  const focus = useRef<HTMLButtonElement | null>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    focus.current?.focus();
  }, [playback]);
  const keep = (button: HTMLButtonElement | null) => {
    focus.current = button;
  };
  if (!available) return null;
  if (!playback)
    return (
      <div class="playback-box" data-testid="playback-box">
        <button
          ref={keep}
          type="button"
          class="playback-open"
          data-testid="playback-open"
          onClick={() => {
            moved.current = true;
            openPlayback(app);
          }}
        >
          {t('playback.open')}
        </button>
      </div>
    );
  return (
    <div class="playback-box" data-testid="playback-box">
      <Controls
        playback={playback}
        playRef={keep}
        onClose={() => {
          moved.current = true;
          closePlayback(app);
        }}
      />
    </div>
  );
}

interface ControlsProps {
  playback: Playback;
  playRef: (button: HTMLButtonElement | null) => void;
  onClose: () => void;
}

function Controls({ playback, playRef, onClose }: ControlsProps) {
  const scrubId = useId();
  const step = playback.step.value;
  const end = playback.state.end;
  const playing = playback.playing.value;
  const active = playback.activeCount.value;
  const stepText = t('playback.step', { step, end });
  const speed = playback.speed.value;
  const speeds: number[] = [...SPEEDS];
  if (!speeds.includes(speed)) speeds.push(speed);
  speeds.sort((a, b) => a - b);
  const onScrub = (e: Event) => playback.seek(Number((e.currentTarget as HTMLInputElement).value));
  return (
    <section
      class="playback"
      data-testid="playback"
      aria-label={t('playback.label')}
      data-time={step}
      data-active={active}
      data-playing={String(playing)}
    >
      <div class="playback-row">
        <strong class="playback-title">{t('playback.title', { run: playback.trace.run })}</strong>
        <div class="playback-buttons">
          <button
            type="button"
            data-testid="playback-back"
            aria-label={t('playback.backLabel')}
            onClick={() => playback.stepBy(-1)}
          >
            {t('playback.back')}
          </button>
          <button
            type="button"
            class="primary"
            data-testid="playback-play"
            ref={playRef}
            onClick={() => playback.toggle()}
          >
            {playing ? t('playback.pause') : t('playback.play')}
          </button>
          <button
            type="button"
            data-testid="playback-forward"
            aria-label={t('playback.forwardLabel')}
            onClick={() => playback.stepBy(1)}
          >
            {t('playback.forward')}
          </button>
        </div>
        <label class="playback-scrub" for={scrubId}>
          <span>{t('playback.time')}</span>
          <input
            id={scrubId}
            type="range"
            min={0}
            max={end}
            step={1}
            value={step}
            aria-valuetext={stepText}
            data-testid="playback-scrub"
            onInput={onScrub}
            onChange={onScrub}
          />
        </label>
        <p class="playback-status">
          <span data-testid="playback-step">{stepText}</span>
          {' · '}
          <span data-testid="playback-active">{t('playback.active', { count: active })}</span>
          {' · '}
          <span data-testid="playback-exposed">
            {t('playback.exposed', { count: playback.exposedCount.value })}
          </span>
        </p>
      </div>
      <div class="playback-row">
        <Select
          inline
          label={t('playback.speed')}
          testid="playback-speed"
          value={String(speed)}
          onChange={(v) => playback.setSpeed(Number(v))}
          options={speeds.map((s) => ({ value: String(s), label: t('playback.speedValue', { speed: s }) }))}
        />
        <Select<ColorBy>
          inline
          label={t('playback.colorBy')}
          testid="playback-color"
          value={playback.colorBy.value}
          onChange={(v) => playback.setColorBy(v)}
          options={[
            { value: 'hop', label: t('playback.colorBy.hop') },
            { value: 'step', label: t('playback.colorBy.step') },
          ]}
        />
        <span class="playback-keys hint">{t('playback.keys')}</span>
        <button type="button" class="playback-close" data-testid="playback-close" onClick={onClose}>
          {t('playback.close')}
        </button>
      </div>
    </section>
  );
}
