/**
 * The network menu: start from a preset or from "our class" (a short list typed by the class),
 * and save or open the network as a file. The drawn network also lives in the page's link.
 */
import { useState } from 'preact/hooks';
import { downloadText } from '../../export/download.ts';
import { t } from './messages.ts';
import { withNetwork } from './model.ts';
import { MAX_PEOPLE } from './network.ts';
import { ClassListError, classNetwork, PRESETS, type PresetName, presetNetwork } from './presets.ts';
import { classroomFromFile, classroomToFile, MAX_FILE_BYTES } from './saved.ts';
import { classroom, problem, step, wantDistribution } from './state.ts';

function useNetwork(next: typeof classroom.value.network): void {
  classroom.value = withNetwork(classroom.peek(), next);
  step.value = 0;
  wantDistribution.value = false;
}

export function NetworkMenu() {
  const c = classroom.value;
  const [listing, setListing] = useState(false);
  return (
    <div class="cls-network">
      <label>
        {t('classroom.network')}{' '}
        <select
          data-testid="classroom-network"
          value=""
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            (e.currentTarget as HTMLSelectElement).value = '';
            if (value === 'class') setListing(true);
            else if (value) useNetwork(presetNetwork(value as PresetName));
          }}
        >
          <option value="">{t('classroom.network.pick')}</option>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`classroom.network.${p}`)}
            </option>
          ))}
          <option value="class">{t('classroom.network.class')}</option>
        </select>
      </label>
      <p class="cls-counts" data-testid="classroom-counts">
        {t('classroom.counts', { people: c.network.people.length, ties: c.network.ties.length })}
      </p>
      {listing ? <ClassList close={() => setListing(false)} /> : null}
      <div class="cls-files">
        <button
          type="button"
          data-testid="classroom-save"
          onClick={() =>
            downloadText(classroomToFile(classroom.peek()), 'classroom-network.json', 'application/json')
          }
        >
          {t('classroom.save')}
        </button>
        <label class="cls-open">
          {t('classroom.open')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="classroom-open"
            onChange={async (e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              try {
                if (file.size > MAX_FILE_BYTES) throw new Error(`${file.size} bytes`);
                const read = classroomFromFile(await file.text(), file.name);
                classroom.value = read;
                step.value = 0;
                problem.value = null;
              } catch (error) {
                const name = file.name;
                const message = (error as Error).message;
                problem.value = t('classroom.badFile', { name, message });
              }
            }}
          />
        </label>
      </div>
    </div>
  );
}

function ClassList({ close }: { close(): void }) {
  const [text, setText] = useState('');
  const [k, setK] = useState(3);
  const [error, setError] = useState('');
  return (
    <div class="cls-class" data-testid="classroom-class">
      <strong>{t('classroom.class.title')}</strong>
      <p>{t('classroom.class.help', { k })}</p>
      <textarea
        data-testid="classroom-class-list"
        rows={6}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <label>
        {t('classroom.class.k')}{' '}
        <input
          type="number"
          min={1}
          max={10}
          value={k}
          onInput={(e) =>
            setK(Math.max(1, Math.min(10, Number((e.currentTarget as HTMLInputElement).value) || 1)))
          }
        />
      </label>
      {error ? (
        <p class="cls-error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        data-testid="classroom-class-make"
        onClick={() => {
          try {
            useNetwork(classNetwork(text, k));
            close();
          } catch (e) {
            if (!(e instanceof ClassListError)) throw e;
            setError(
              e.reason === 'noName'
                ? t('classroom.class.noName', { line: e.line })
                : e.reason === 'tooManyFriends'
                  ? t('classroom.class.tooManyFriends', { line: e.line, name: e.who, k })
                  : t('classroom.class.tooMany', { line: e.line, max: MAX_PEOPLE }),
            );
          }
        }}
      >
        {t('classroom.class.make')}
      </button>{' '}
      <button type="button" onClick={close}>
        {t('classroom.class.cancel')}
      </button>
    </div>
  );
}
