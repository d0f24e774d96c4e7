/**
 * The direction question for edge lists: the file's first lines (as text), three choices with
 * the guess preselected and explained, and the meaning of a third column when there is one.
 */
import type { Direction, EdgeValues } from '../../graph/types.ts';
import { el, labelled, select } from '../dom.ts';
import { t } from '../i18n.ts';
import type { EdgeListPreview } from '../load/direction-guess.ts';

export function askDirection(
  file: string,
  preview: EdgeListPreview,
): Promise<{ direction: Direction; edgeValues: EdgeValues } | null> {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'direction-dialog', 'data-testid': 'direction-dialog' });
    const title = el('h2', { id: 'direction-title' }, t('direction.title', { file }));
    dialog.setAttribute('aria-labelledby', 'direction-title');
    const lines = el('pre', { class: 'preview', 'data-testid': 'direction-preview' });
    lines.textContent = preview.lines.join('\n');
    const fieldset = el('fieldset', {}, el('legend', {}, t('direction.title', { file })));
    const choices: Direction[] = ['undirected', 'influences', 'follows'];
    for (const d of choices) {
      const input = el('input', {
        type: 'radio',
        name: 'direction',
        value: d,
        'data-testid': `direction-${d}`,
      });
      input.checked = d === preview.direction;
      fieldset.append(el('label', { class: 'choice' }, input, ` ${t(`direction.${d}`)}`));
    }
    fieldset.append(el('p', { class: 'hint' }, t(`direction.guess.${preview.reason}`)));
    const values = select(
      [
        ['probability', t('direction.values.probability')],
        ['weight', t('direction.values.weight')],
        ['ignore', t('direction.values.ignore')],
      ],
      preview.edgeValues ?? 'probability',
    );
    const ok = el(
      'button',
      { type: 'submit', class: 'primary', 'data-testid': 'direction-load' },
      t('direction.load'),
    );
    const cancel = el('button', { type: 'button', value: 'cancel' }, t('direction.cancel'));
    const form = el(
      'form',
      { method: 'dialog' },
      title,
      el('p', {}, t('direction.firstLines')),
      lines,
      fieldset,
    );
    if (preview.edgeValues) form.append(labelled(t('direction.values'), values));
    form.append(el('div', { class: 'buttons' }, ok, cancel));
    dialog.append(form);
    document.body.append(dialog);
    let answer: { direction: Direction; edgeValues: EdgeValues } | null = null;
    form.addEventListener('submit', () => {
      const checked = form.querySelector<HTMLInputElement>('input[name=direction]:checked');
      answer = {
        direction: (checked?.value ?? preview.direction) as Direction,
        edgeValues: values.value as EdgeValues,
      };
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    ok.focus();
  });
}
