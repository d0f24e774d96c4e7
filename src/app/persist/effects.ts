/**
 * Keeping and sharing work: the effects that talk to the outside (address bar, IndexedDB, files).
 * - At start-up the scenario comes from the URL hash, else from the autosave; a bad or foreign
 *   hash, or a saved record that cannot be used (named, with why and where it was kept aside), is
 *   said in the page's alert once the first graph is in.
 * - The address bar follows the scenario (history.replaceState), and pasting another scenario
 *   link into it applies it (a bad one is refused with a message and the address is put back).
 * - Every change is autosaved (debounced), with the bytes of a user-opened file; a full storage
 *   quota is told apart from IndexedDB being unavailable (state.ts: saveStatus).
 * - Export and import of the scenario file (scenario-file.ts).
 */
import { effect, untracked } from '@preact/signals';
import type { Scenario } from '../../engine/scenario.ts';
import type { App } from '../core/context.ts';
import { downloadText, fileStem, sourceFileName } from '../export/download.ts';
import { sentences } from '../i18n/join.ts';
import { type Notice, NoticeError, noticeText } from '../state/notice.ts';
import type { Store } from '../state/store.ts';
import {
  type AutosaveStore,
  type CorruptRecord,
  CorruptRecordError,
  isQuotaError,
} from '../storage/autosave.ts';
import { decodeScenarioHash, encodeScenarioHash, pageFields, pageSuffix } from './hash.ts';
import { t } from './messages.ts';
import { restoreScenario } from './restore.ts';
import { MAX_SCENARIO_FILE_BYTES, scenarioFromJson, scenarioToJson } from './scenario-file.ts';
import { link, pageLink, savedHash, saveStatus } from './state.ts';
import { ScenarioError, validateScenario } from './validate.ts';

/** Autosave this long after the last change. */
const SAVE_DELAY_MS = 300;

/** The scenario's hash, or null for a half-edited invalid scenario (the last good link stays). */
export function encodeOrNull(scenario: Scenario): string | null {
  try {
    return encodeScenarioHash(scenario);
  } catch {
    return null;
  }
}

/** What to say about a saved record that could not be used. */
export function corruptNotice(record: CorruptRecord): Notice {
  const { key, reason, keptAs } = record;
  return {
    say: () =>
      sentences(
        t(key === 'file' ? 'share.corrupt.file' : 'share.corrupt.scenario', { key, reason }),
        keptAs ? t('share.corrupt.kept', { keptAs }) : t('share.corrupt.notKept'),
      ),
  };
}

function joined(notices: Notice[]): Notice {
  return { say: () => sentences(...notices.map(noticeText)) };
}

/** Show a notice in the page's alert once a graph is on screen (a new graph clears older alerts). */
function alertOnceGraphShown(store: Store, notice: Notice): void {
  let shown = false;
  const stop = effect(() => {
    if (shown || !store.graph.value) return;
    shown = true;
    // After the start-up's own reaction to the new graph, which clears the alert.
    setTimeout(() => {
      stop();
      store.alert.value = notice;
    }, 0);
  });
}

function saveFailure(error: unknown): void {
  saveStatus.value = isQuotaError(error)
    ? { state: 'full' }
    : { state: 'failed', detail: (error as Error)?.message || String(error) };
}

/** The feature's start: restore, then keep the address bar and the autosave in step. */
export async function startPersist(app: App): Promise<void> {
  const { store, loader } = app;
  const autosave = await app.autosave;
  if (!autosave) saveStatus.value = { state: 'off' };
  const restored = await restoreScenario(location.hash, autosave);
  const notices: Notice[] = [];
  if (restored.hashError) {
    const message = restored.hashError;
    notices.push({ say: () => t('share.hashError', { message }) });
  }
  if (restored.corrupt) notices.push(corruptNotice(restored.corrupt));
  if (restored.scenario) {
    // A scenario on a user-opened file: hand the loader the kept bytes so it loads as before.
    const g = restored.scenario.graph;
    if (g.kind === 'file' && autosave) {
      try {
        const kept = await autosave.loadFile();
        if (kept && kept.name === g.name) loader.rememberFile(kept.name, kept.bytes);
      } catch (error) {
        if (error instanceof CorruptRecordError) notices.push(corruptNotice(error.record));
      }
    }
    store.setScenario(restored.scenario);
    if (restored.from === 'autosave') {
      saveStatus.value = { state: 'restored' };
      savedHash.value = encodeOrNull(restored.scenario);
    }
  }
  if (notices.length > 0) alertOnceGraphShown(store, joined(notices));
  followScenarioInUrl(app);
  if (autosave) {
    saveAsYouGo(app, autosave);
    keepUserFile(app, autosave);
  }
}

/** The address bar holds the scenario; a scenario link pasted into it applies. */
function followScenarioInUrl(app: App): void {
  const { store } = app;
  let shownHash = '';
  const writeHash = (scenario: Scenario) => {
    const own = encodeOrNull(scenario);
    if (own === null) return;
    const hash = own + pageSuffix(pageLink.peek());
    shownHash = hash;
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
    link.value = location.href;
  };
  effect(() => {
    const scenario = store.scenario.value;
    void pageLink.value;
    untracked(() => writeHash(scenario));
  });
  window.addEventListener('hashchange', () => {
    if (location.hash === shownHash) return;
    try {
      const scenario = decodeScenarioHash(location.hash);
      // The page fields first: their owner (the classroom) follows them.
      pageLink.value = pageFields(location.hash);
      if (scenario && JSON.stringify(scenario) !== JSON.stringify(store.scenario.peek()))
        store.setScenario(scenario);
      else writeHash(store.scenario.peek());
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const message = error.message;
      store.alert.value = { say: () => t('share.hashError', { message }) };
      writeHash(store.scenario.peek());
    }
  });
}

/** Save the scenario SAVE_DELAY_MS after its last change. */
function saveAsYouGo(app: App, autosave: AutosaveStore): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  effect(() => {
    const scenario = app.store.scenario.value;
    const hash = encodeOrNull(scenario);
    if (hash === null || hash === untracked(() => savedHash.value)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      autosave
        .saveScenario(validateScenario(scenario))
        .then(() => {
          savedHash.value = hash;
          saveStatus.value = { state: 'saved' };
        })
        .catch(saveFailure);
    }, SAVE_DELAY_MS);
  });
}

/** Keep the bytes of a user-opened file once it has loaded, read the way it was read. */
function keepUserFile(app: App, autosave: AutosaveStore): void {
  const { store, loader } = app;
  effect(() => {
    const graph = store.graph.value;
    const file = loader.userFile;
    if (graph?.source.kind !== 'file' || !file || file.name !== graph.source.name) return;
    const name = file.name;
    autosave
      .saveFile({ name, bytes: file.bytes })
      .then((kept) => {
        if (!kept) store.alert.value = { say: () => t('share.fileTooBig', { name }) };
      })
      .catch((error) => {
        if (isQuotaError(error)) store.alert.value = { say: () => t('share.fileFull', { name }) };
        saveFailure(error);
      });
  });
}

/** Download the scenario as a JSON file; returns its name. */
export function exportScenario(scenario: Scenario): string {
  const name = `${fileStem(sourceFileName(scenario.graph))}-scenario.json`;
  downloadText(scenarioToJson(scenario), name, 'application/json');
  return name;
}

/** Read a scenario file the user chose; throws a NoticeError naming the file and the problem. */
export async function readScenarioFile(file: File): Promise<Scenario> {
  try {
    if (file.size > MAX_SCENARIO_FILE_BYTES)
      throw new ScenarioError(`${file.name}: too large to be a scenario (${file.size} bytes)`);
    return scenarioFromJson(await file.text(), file.name);
  } catch (error) {
    throw new NoticeError({ text: (error as Error).message });
  }
}
