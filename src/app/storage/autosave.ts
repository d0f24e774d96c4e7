/**
 * Autosave to IndexedDB (the plain API, no wrapper package): the current scenario, the bytes
 * of the last graph file the user opened when they are of reasonable size, and modules' own data
 * (the compare tab's kept results), so a reload loses nothing. On load the URL hash wins over the
 * autosave (persist/restore.ts). This module knows no scenario format: the caller checks what it
 * reads (loadScenario's `check`), so storage sits below the scenario's codecs.
 *
 * One object store of key -> record. Every stored scenario is validated again when read: a record
 * written by another version or damaged is never trusted, and never deleted either: it is moved
 * aside to `<key>.corrupt.<ISO date>` in the same store, and the caller is told which record, why,
 * and where it now is (CorruptRecordError). A save that fails because the browser's storage is full
 * says so (isQuotaError), apart from IndexedDB being unavailable altogether (openAutosave gives null).
 */
import type { Scenario } from '../../engine/scenario.ts';

export const DB_NAME = 'ripple';
const DB_VERSION = 1;
const STORE = 'autosave';

/** User files above this size are not kept (the scenario still is; the file must be opened again). */
export const MAX_SAVED_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A user-opened graph file, kept so the scenario that refers to it can be restored (the scenario
 * holds how to read it: direction and edge values).
 */
export interface SavedFile {
  name: string;
  bytes: Uint8Array;
}

/** A stored record that could not be used: which, why, and where it was kept (null: left in place). */
export interface CorruptRecord {
  key: string;
  reason: string;
  keptAs: string | null;
}

export class CorruptRecordError extends Error {
  constructor(readonly record: CorruptRecord) {
    super(`autosave: record '${record.key}' is unusable (${record.reason})`);
    this.name = 'CorruptRecordError';
  }
}

/** The browser refused to store more: its quota for this site is used up. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** The key a corrupt record of `key` is kept under. */
export function corruptKey(key: string, when: Date): string {
  return `${key}.corrupt.${when.toISOString()}`;
}

export interface AutosaveStore {
  saveScenario(scenario: Scenario): Promise<void>;
  /**
   * The saved scenario as `check` returns it (check throws on a record it cannot use), or null
   * when there is none. A record check refuses is moved aside and reported by rejecting with a
   * CorruptRecordError carrying check's message.
   */
  loadScenario(check: (stored: unknown) => Scenario): Promise<Scenario | null>;
  /** Keep a user file; returns false (and keeps nothing) when it is too large. */
  saveFile(file: SavedFile): Promise<boolean>;
  loadFile(): Promise<SavedFile | null>;
  /** A module's own data (plain, structured-clonable), kept beside the scenario. */
  saveModuleData(moduleId: string, value: unknown): Promise<void>;
  /** What saveModuleData kept, unchecked: the caller validates it. undefined when none. */
  loadModuleData(moduleId: string): Promise<unknown>;
  clear(): Promise<void>;
  close(): void;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Open the autosave database; null when IndexedDB is unavailable (private mode, old browser). */
export async function openAutosave(name = DB_NAME): Promise<AutosaveStore | null> {
  if (typeof indexedDB === 'undefined') return null;
  let db: IDBDatabase;
  try {
    const open = indexedDB.open(name, DB_VERSION);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
    };
    db = await request(open);
  } catch {
    return null;
  }

  async function put(key: string, value: unknown): Promise<void> {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(value, key);
    await transactionDone(tx);
  }
  async function get(key: string): Promise<unknown> {
    const tx = db.transaction(STORE, 'readonly');
    return request(tx.objectStore(STORE).get(key));
  }
  /** Move an unusable record to its corrupt key, in one transaction; throws what it found. */
  async function setAside(key: string, value: unknown, reason: string): Promise<never> {
    const keptAs = corruptKey(key, new Date());
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const records = tx.objectStore(STORE);
      records.put(value, keptAs);
      records.delete(key);
      await transactionDone(tx);
    } catch {
      // Not even moved (storage full): it stays where it was.
      throw new CorruptRecordError({ key, reason, keptAs: null });
    }
    throw new CorruptRecordError({ key, reason, keptAs });
  }

  return {
    async saveScenario(scenario) {
      await put('scenario', scenario);
    },
    async loadScenario(check) {
      const stored = await get('scenario');
      if (stored === undefined) return null;
      try {
        return check(stored);
      } catch (error) {
        return setAside('scenario', stored, (error as Error)?.message || String(error));
      }
    },
    async saveFile(file) {
      if (file.bytes.byteLength > MAX_SAVED_FILE_BYTES) {
        const tx = db.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).delete('file');
        await transactionDone(tx);
        return false;
      }
      await put('file', { ...file, bytes: file.bytes.slice() });
      return true;
    },
    async loadFile() {
      const stored = (await get('file')) as Partial<SavedFile> | undefined;
      if (stored === undefined) return null;
      if (typeof stored !== 'object' || stored === null || typeof stored.name !== 'string')
        return setAside('file', stored, 'expected a file name and its bytes');
      if (!(stored.bytes instanceof Uint8Array))
        return setAside('file', stored, `the bytes of ${stored.name} are missing`);
      return stored as SavedFile;
    },
    async saveModuleData(moduleId, value) {
      await put(`module:${moduleId}`, value);
    },
    async loadModuleData(moduleId) {
      return get(`module:${moduleId}`);
    },
    async clear() {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).clear();
      await transactionDone(tx);
    },
    close() {
      db.close();
    },
  };
}
