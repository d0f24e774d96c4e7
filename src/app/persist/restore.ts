/**
 * The scenario to open with: a valid URL hash wins over the browser's autosave; a bad or foreign
 * hash and an autosave record that cannot be used are reported (the caller shows them).
 */
import type { Scenario } from '../../engine/scenario.ts';
import { type AutosaveStore, type CorruptRecord, CorruptRecordError } from '../storage/autosave.ts';
import { decodeScenarioHash } from './hash.ts';
import { ScenarioError, validateScenario } from './validate.ts';

/** Where the scenario to start with came from, and any message to show about the hash. */
export interface Restored {
  scenario: Scenario | null;
  from: 'hash' | 'autosave' | 'none';
  /** A bad or foreign hash: the message to show; the autosave (or the default) is used instead. */
  hashError: string | null;
  /** The saved scenario could not be used: which record, why, where it was kept. */
  corrupt: CorruptRecord | null;
}

/** The scenario to open with: a valid URL hash wins over the autosave. */
export async function restoreScenario(hash: string, store: AutosaveStore | null): Promise<Restored> {
  let hashError: string | null = null;
  try {
    const fromHash = decodeScenarioHash(hash);
    if (fromHash) return { scenario: fromHash, from: 'hash', hashError, corrupt: null };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    hashError = error.message;
  }
  let corrupt: CorruptRecord | null = null;
  let saved: Scenario | null = null;
  try {
    saved = store ? await store.loadScenario(validateScenario) : null;
  } catch (error) {
    corrupt =
      error instanceof CorruptRecordError
        ? error.record
        : { key: 'scenario', reason: (error as Error).message || String(error), keptAs: null };
  }
  return saved
    ? { scenario: saved, from: 'autosave', hashError, corrupt }
    : { scenario: null, from: 'none', hashError, corrupt };
}
