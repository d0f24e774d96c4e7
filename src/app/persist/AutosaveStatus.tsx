/**
 * The autosave's line in the toolbar: saved, restored, or why not, telling a full storage quota
 * (with a button that downloads the scenario, so nothing is lost) from IndexedDB being unavailable.
 * data-saved holds the hash of the last scenario saved.
 */
import { useApp } from '../core/context.ts';
import { noticeOf } from '../state/notice.ts';
import { exportScenario } from './effects.ts';
import { t } from './messages.ts';
import { type SaveStatus, savedHash, saveStatus, shareStatus } from './state.ts';

function statusText(status: SaveStatus): string {
  switch (status.state) {
    case 'idle':
      return '';
    case 'restored':
      return t('share.restored');
    case 'saved':
      return t('share.saved');
    case 'off':
      return t('share.autosaveOff');
    case 'full':
      return t('share.full');
    case 'failed':
      return t('share.saveFailed', { detail: status.detail });
  }
}

export function AutosaveStatus() {
  const { store } = useApp();
  const status = saveStatus.value;
  const problem = status.state === 'full' || status.state === 'failed' || status.state === 'off';
  return (
    <span
      class={problem ? 'autosave-status problem' : 'autosave-status hint'}
      data-testid="autosave-status"
      data-state={status.state}
      data-saved={savedHash.value ?? undefined}
      role="status"
    >
      {statusText(status)}
      {problem ? (
        <>
          {' '}
          <button
            type="button"
            data-testid="autosave-export"
            onClick={() => {
              try {
                const file = exportScenario(store.scenario.peek());
                shareStatus.value = { say: () => t('share.downloaded', { file }) };
              } catch (error) {
                store.alert.value = noticeOf(error);
              }
            }}
          >
            {t('share.exportScenario')}
          </button>
        </>
      ) : null}
    </span>
  );
}
