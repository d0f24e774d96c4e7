/** The page's one alert line: an error that kept the previous state, with a Dismiss button. */
import { useApp } from '../core/context.ts';
import { noticeText } from '../state/notice.ts';
import { t } from './messages.ts';

export function Alert() {
  const { store } = useApp();
  const alert = store.alert.value;
  return (
    <div role="alert" class="alert" data-testid="alert">
      {alert ? (
        <>
          <span data-testid="alert-text">{noticeText(alert)}</span>{' '}
          <button type="button" class="link" onClick={() => (store.alert.value = null)}>
            {t('error.dismiss')}
          </button>
        </>
      ) : null}
    </div>
  );
}
