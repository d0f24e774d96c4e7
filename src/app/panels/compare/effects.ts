/**
 * The kept results survive a reload: read back from the page's IndexedDB autosave (and checked,
 * kept-storage.ts) when the page opens, then saved shortly after every change of the list.
 */
import { effect } from '@preact/signals';
import type { App } from '../../core/context.ts';
import { restoreKept } from './kept.ts';
import { readSavedKept, savedKept } from './kept-storage.ts';
import { t } from './messages.ts';
import { kept, storageNote } from './state.ts';

/** Save this long after the last change to the list. */
const SAVE_DELAY_MS = 300;
const MODULE_ID = 'compare';

export async function startKeptAutosave(app: App): Promise<void> {
  const autosave = await app.autosave;
  if (!autosave) return;
  const saved = await autosave.loadModuleData(MODULE_ID).catch(() => undefined);
  const { items, dropped } = readSavedKept(saved);
  if (items.length > 0) kept.value = restoreKept(kept.peek(), items);
  if (dropped > 0) storageNote.value = { say: () => t('compare.restoreDropped', { count: dropped }) };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let first = true;
  effect(() => {
    const list = kept.value;
    // The list as just read back needs no saving.
    if (first) {
      first = false;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      autosave.saveModuleData(MODULE_ID, savedKept(list.items)).catch((error: Error) => {
        const message = error.message;
        storageNote.value = { say: () => t('compare.saveFailed', { message }) };
      });
    }, SAVE_DELAY_MS);
  });
}
