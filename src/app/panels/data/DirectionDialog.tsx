/**
 * The direction question for edge lists: the file's first lines (as text), three choices with
 * the guess preselected and explained, named after the file's columns when it has a header
 * ("follower follows account: posts flow account → follower"), and the meaning of a third column.
 * The loader asks through `askDirection`, which resolves when the user answers or cancels.
 */
import { signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Direction, EdgeValues } from '../../../graph/types.ts';
import type { EdgeListPreview } from '../../load/direction-guess.ts';
import { t } from './messages.ts';

interface Question {
  file: string;
  preview: EdgeListPreview;
  answer: (choice: { direction: Direction; edgeValues: EdgeValues } | null) => void;
}

const question = signal<Question | null>(null);

/** Ask how to read an edge list (null = cancelled); the dialog shows until answered. */
export function askDirection(
  file: string,
  preview: EdgeListPreview,
): Promise<{ direction: Direction; edgeValues: EdgeValues } | null> {
  question.value?.answer(null);
  return new Promise((resolve) => {
    question.value = {
      file,
      preview,
      answer: (choice) => {
        question.value = null;
        resolve(choice);
      },
    };
  });
}

const CHOICES: Direction[] = ['undirected', 'influences', 'follows'];

/** The text of a direction choice, with the file's column names when it has them. */
export function choiceText(direction: Direction, columns: [string, string] | null): string {
  if (!columns) return t(`direction.${direction}`);
  return t(`direction.named.${direction}`, { a: columns[0], b: columns[1] });
}

export function DirectionDialog() {
  const q = question.value;
  return q ? <Dialog key={`${q.file}:${q.preview.lines.join('\n').length}`} q={q} /> : null;
}

function Dialog({ q }: { q: Question }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ok = useRef<HTMLButtonElement>(null);
  const [direction, setDirection] = useState<Direction>(q.preview.direction);
  const [values, setValues] = useState<EdgeValues>(q.preview.edgeValues ?? 'probability');
  const answered = useRef(false);
  useEffect(() => {
    dialog.current?.showModal();
    ok.current?.focus();
  }, []);
  const finish = (choice: { direction: Direction; edgeValues: EdgeValues } | null) => {
    if (answered.current) return;
    answered.current = true;
    q.answer(choice);
  };
  return (
    <dialog
      ref={dialog}
      class="direction-dialog"
      data-testid="direction-dialog"
      aria-labelledby="direction-title"
      onClose={() => finish(null)}
      onCancel={() => finish(null)}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          finish({ direction, edgeValues: values });
        }}
      >
        <h2 id="direction-title">{t('direction.title', { file: q.file })}</h2>
        <p>{t('direction.firstLines')}</p>
        <pre class="preview" data-testid="direction-preview">
          {q.preview.lines.join('\n')}
        </pre>
        <fieldset>
          <legend>{t('direction.title', { file: q.file })}</legend>
          {CHOICES.map((d) => (
            <label class="choice" key={d}>
              <input
                type="radio"
                name="direction"
                value={d}
                data-testid={`direction-${d}`}
                checked={direction === d}
                onChange={() => setDirection(d)}
              />{' '}
              {choiceText(d, q.preview.columns)}
            </label>
          ))}
          <p class="hint" data-testid="direction-guess">
            {t(`direction.guess.${q.preview.reason}`)}
          </p>
        </fieldset>
        {q.preview.edgeValues ? (
          <label class="field">
            <span>{t('direction.values')}</span>
            <select
              value={values}
              onChange={(e) => setValues((e.currentTarget as HTMLSelectElement).value as EdgeValues)}
            >
              <option value="probability">{t('direction.values.probability')}</option>
              <option value="weight">{t('direction.values.weight')}</option>
              <option value="ignore">{t('direction.values.ignore')}</option>
            </select>
          </label>
        ) : null}
        <div class="buttons">
          <button type="submit" class="primary" data-testid="direction-load" ref={ok}>
            {t('direction.load')}
          </button>
          <button type="button" onClick={() => finish(null)}>
            {t('direction.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
