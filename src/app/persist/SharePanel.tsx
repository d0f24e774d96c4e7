/**
 * The "Save & share" tab: the link to this scenario with Copy, the scenario as a JSON file
 * (export, import), the result exports (export/ResultsExport.tsx), the tab's last message, and
 * whether this browser keeps the work.
 */
import { useRef } from 'preact/hooks';
import { useApp } from '../core/context.ts';
import { ResultsExport } from '../export/ResultsExport.tsx';
import { sentences } from '../i18n/join.ts';
import { noticeOf, noticeText } from '../state/notice.ts';
import { exportScenario, readScenarioFile } from './effects.ts';
import { t } from './messages.ts';
import { link, saveStatus, shareStatus } from './state.ts';

export function SharePanel() {
  const { store } = useApp();
  const linkField = useRef<HTMLInputElement>(null);
  const status = shareStatus.value;
  const saving = saveStatus.value.state;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.peek() || location.href);
      // A costs file cannot travel in a link: say so (the plan's settings do).
      const costs = store.scenario.peek().plan?.costs;
      const name = costs?.kind === 'file' ? costs.name : null;
      shareStatus.value = {
        say: () =>
          name === null
            ? t('share.linkCopied')
            : sentences(t('share.linkCopied'), t('share.linkNoCosts', { name })),
      };
    } catch {
      // No clipboard permission: select the link so Ctrl+C copies it.
      linkField.current?.focus();
      linkField.current?.select();
    }
  };
  const download = () => {
    try {
      const file = exportScenario(store.scenario.peek());
      shareStatus.value = { say: () => t('share.downloaded', { file }) };
    } catch (error) {
      store.alert.value = noticeOf(error);
    }
  };
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      store.setScenario(await readScenarioFile(file));
      const name = file.name;
      shareStatus.value = { say: () => t('share.imported', { file: name }) };
    } catch (error) {
      store.alert.value = noticeOf(error);
    }
  };

  return (
    <>
      <h3>{t('share.link')}</h3>
      <p class="hint">{t('share.linkHelp')}</p>
      <div class="row">
        <input
          ref={linkField}
          class="share-link"
          type="text"
          readOnly
          data-testid="share-link"
          aria-label={t('share.link')}
          value={link.value}
        />
        <button type="button" data-testid="copy-link" onClick={() => void copy()}>
          {t('share.copyLink')}
        </button>
      </div>
      <h3>{t('share.scenario')}</h3>
      <div class="button-list">
        <button type="button" data-testid="export-scenario" onClick={download}>
          {t('share.exportScenario')}
        </button>
      </div>
      <label class="field">
        <span>{t('share.importScenario')}</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="import-scenario"
          onChange={(e) => void upload(e.currentTarget as HTMLInputElement)}
        />
      </label>
      <ResultsExport
        onDownloaded={(file) => {
          shareStatus.value = { say: () => t('share.downloaded', { file }) };
        }}
      />
      <p role="status" class="hint" data-testid="share-status">
        {status ? noticeText(status) : ''}
      </p>
      <p class="hint">{saving === 'off' ? t('share.autosaveOff') : t('share.autosave')}</p>
    </>
  );
}
