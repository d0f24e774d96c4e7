/**
 * What the saving and sharing parts show, as signals: how the autosave is doing (the toolbar
 * line), the link to the current scenario (the Save & share tab) and that tab's last message.
 * effects.ts writes them; AutosaveStatus.tsx and SharePanel.tsx read them.
 */
import { signal } from '@preact/signals';
import type { Notice } from '../state/notice.ts';
import { type PageKey, pageFields } from './hash.ts';

export type SaveStatus =
  /** Nothing said yet. */
  | { state: 'idle' }
  /** The scenario came from this browser's autosave. */
  | { state: 'restored' }
  | { state: 'saved' }
  /** IndexedDB is unavailable (private mode, blocked, old browser). */
  | { state: 'off' }
  /** The browser's storage quota is used up. */
  | { state: 'full' }
  /** Any other failure to save, with the browser's words. */
  | { state: 'failed'; detail: string };

export const saveStatus = signal<SaveStatus>({ state: 'idle' });

/** The hash of the last scenario saved (the tests wait for it to match the address bar). */
export const savedHash = signal<string | null>(null);

/** The whole address of the current scenario (what "Copy link" copies). */
export const link = signal('');

/** The Save & share tab's last message (link copied, file downloaded, scenario imported). */
export const shareStatus = signal<Notice | null>(null);

/**
 * Fields of the page written after the scenario in the address (hash.ts PAGE_KEYS), by whoever
 * shows that page: the classroom sets `class` while it is open. Read from the address at load, so
 * a link's page fields survive until their owner takes over.
 */
export const pageLink = signal<Partial<Record<PageKey, string>>>(
  typeof location === 'undefined' ? {} : pageFields(location.hash),
);
