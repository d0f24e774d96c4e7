/**
 * Keeping and sharing work, as an app module:
 * - at start-up the scenario comes from the URL hash, else from the IndexedDB autosave (a bad or
 *   foreign hash shows one message and the app keeps its state);
 * - the address bar always holds the current scenario (history.replaceState), and pasting
 *   another scenario link into it applies it;
 * - every change is autosaved (debounced), with the bytes of a user-opened file when the loader
 *   reports them;
 * - the "Save & share" tab: copy link, export / import scenario JSON, export results.
 */

import type { Scenario } from '../../engine/scenario.ts';
import { el, labelled } from '../dom.ts';
import { downloadText, fileStem, sourceFileName } from '../export/download.ts';
import { resultsExportSection } from '../export/results-export.ts';
import { t } from '../i18n.ts';
import type { AppContext, AppModule } from '../panels.ts';
import { type AutosaveStore, restoreScenario } from '../storage/autosave.ts';
import { decodeScenarioHash, encodeScenarioHash } from './hash.ts';
import { MAX_SCENARIO_FILE_BYTES, scenarioFromJson, scenarioToJson } from './scenario-file.ts';
import { ScenarioError } from './validate.ts';

/** Autosave this long after the last change. */
const SAVE_DELAY_MS = 300;

function encodeOrNull(scenario: Scenario): string | null {
  try {
    return encodeScenarioHash(scenario);
  } catch {
    return null; // a half-edited invalid scenario: keep the last good link
  }
}

export const persistModule: AppModule = {
  id: 'persist',
  async mount(ctx: AppContext) {
    const { store } = ctx;
    const autosave: AutosaveStore | null = await ctx.autosave;
    const restored = await restoreScenario(location.hash, autosave);
    if (restored.hashError) {
      // Shown once the start-up graph is in: starting a load clears the page's alert.
      const message = t('share.hashError', { message: restored.hashError });
      const off = store.select(
        (s) => s.graph,
        (graph) => {
          if (!graph) return;
          off();
          ctx.alert(message);
        },
      );
    }
    if (restored.scenario) {
      // A scenario on a user-opened file: hand the loader the kept bytes so it loads as before.
      const g = restored.scenario.graph;
      if (g.kind === 'file' && autosave) {
        const kept = await autosave.loadFile().catch(() => null);
        if (kept && kept.name === g.name) ctx.loader.rememberFile(kept.name, kept.bytes);
      }
      store.setScenario(restored.scenario);
    }

    // The address bar follows the scenario ------------------------------------------------
    const saveStatus = el('span', { class: 'hint', 'data-testid': 'autosave-status' });
    const status = el('p', { role: 'status', class: 'hint', 'data-testid': 'share-status' });
    const linkField = el('input', {
      type: 'text',
      readonly: '',
      'data-testid': 'share-link',
      'aria-label': t('share.link'),
    });
    let shownHash = '';
    const writeHash = (scenario: Scenario) => {
      const hash = encodeOrNull(scenario);
      if (hash === null) return;
      shownHash = hash;
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
      linkField.value = location.href;
    };
    window.addEventListener('hashchange', () => {
      if (location.hash === shownHash) return;
      try {
        const scenario = decodeScenarioHash(location.hash);
        if (scenario) store.setScenario(scenario);
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        ctx.alert(t('share.hashError', { message: error.message }));
        writeHash(store.get().scenario);
      }
    });

    // Autosave ---------------------------------------------------------------------------
    let timer: ReturnType<typeof setTimeout> | null = null;
    const scheduleSave = (scenario: Scenario) => {
      if (!autosave) return;
      const hash = encodeOrNull(scenario);
      if (hash === null) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        autosave
          .saveScenario(scenario)
          .then(() => {
            saveStatus.dataset.saved = hash;
            saveStatus.textContent = t('share.saved');
          })
          .catch(() => {
            saveStatus.textContent = t('share.autosaveOff');
          });
      }, SAVE_DELAY_MS);
    };
    store.select(
      (s) => s.scenario,
      (scenario) => {
        writeHash(scenario);
        scheduleSave(scenario);
      },
    );
    // Keep the bytes of a user-opened file once it has loaded, read the way it was read.
    store.select(
      (s) => s.graph,
      (graph) => {
        const file = ctx.loader.userFile;
        if (!autosave || !graph || graph.source.kind !== 'file' || !file || file.name !== graph.source.name)
          return;
        autosave
          .saveFile({ name: file.name, bytes: file.bytes })
          .then((kept) => {
            if (!kept) ctx.alert(t('share.fileTooBig', { name: file.name }));
          })
          .catch(() => undefined);
      },
    );

    // The Save & share tab ---------------------------------------------------------------
    const copy = el('button', { type: 'button', 'data-testid': 'copy-link' }, t('share.copyLink'));
    copy.addEventListener('click', async () => {
      writeHash(store.get().scenario);
      try {
        await navigator.clipboard.writeText(location.href);
        status.textContent = t('share.linkCopied');
      } catch {
        // No clipboard permission: select the link so Ctrl+C copies it.
        linkField.focus();
        linkField.select();
      }
    });

    const exportButton = el(
      'button',
      { type: 'button', 'data-testid': 'export-scenario' },
      t('share.exportScenario'),
    );
    exportButton.addEventListener('click', () => {
      const { scenario } = store.get();
      try {
        const name = `${fileStem(sourceFileName(scenario.graph))}-scenario.json`;
        downloadText(scenarioToJson(scenario), name, 'application/json');
        status.textContent = t('share.downloaded', { file: name });
      } catch (error) {
        ctx.alert((error as Error).message);
      }
    });
    const importInput = el('input', {
      type: 'file',
      accept: '.json,application/json',
      'data-testid': 'import-scenario',
    });
    importInput.addEventListener('change', async () => {
      const file = importInput.files?.[0];
      importInput.value = '';
      if (!file) return;
      try {
        if (file.size > MAX_SCENARIO_FILE_BYTES) {
          throw new ScenarioError(`${file.name}: too large to be a scenario (${file.size} bytes)`);
        }
        const scenario = scenarioFromJson(await file.text(), file.name);
        store.setScenario(scenario);
        status.textContent = t('share.imported', { file: file.name });
      } catch (error) {
        ctx.alert((error as Error).message);
      }
    });

    ctx.registerPanel({
      id: 'share',
      title: 'tab.share',
      order: 50,
      mount(container) {
        container.append(
          el('h3', {}, t('share.link')),
          el('p', { class: 'hint' }, t('share.linkHelp')),
          linkField,
          copy,
          el('h3', {}, t('share.scenario')),
          exportButton,
          labelled(t('share.importScenario'), importInput),
          resultsExportSection(ctx, (file) => {
            status.textContent = t('share.downloaded', { file });
          }),
          status,
          el('p', { class: 'hint' }, autosave ? t('share.autosave') : t('share.autosaveOff')),
        );
      },
    });
    ctx.toolbar.append(saveStatus);

    writeHash(store.get().scenario);
    if (restored.from === 'autosave') saveStatus.textContent = t('share.restored');
  },
};
