/** The language menu in the page header: English / 简体中文, remembered; the page follows at once. */
import { useEffect, useRef } from 'preact/hooks';
import { LANGUAGES, type Lang, lang, setLanguage } from '../i18n/lang.ts';
import { t } from './messages.ts';

export function LanguageMenu() {
  const current = lang.value;
  const first = useRef(true);
  const announce = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    document.title = t('app.documentTitle');
    if (first.current) first.current = false;
    else if (announce.current) announce.current.textContent = t('language.changed');
  }, [current]);
  return (
    <div class="language-switch">
      <label class="language-field" for="language">
        <span>{t('language.label')}</span>
        <select
          id="language"
          data-testid="language"
          value={current}
          onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value as Lang)}
        >
          {LANGUAGES.map((l) => (
            <option key={l.tag} value={l.tag} lang={l.tag}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <span class="announce" role="status" ref={announce} />
    </div>
  );
}
