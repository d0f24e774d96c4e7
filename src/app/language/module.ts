/**
 * English / 中文: the language switch in the page header. The language is chosen when this file
 * is imported (before main.ts builds the page), from the remembered choice or the browser's
 * language, so the page is built in it directly. Switching later rewrites the page in place
 * (retranslate.ts): nothing is rebuilt or reloaded, so the graph, the scenario, the results and the
 * open panel stay. The document's lang attribute follows the language (screen readers, CJK fonts).
 */
import './language.css';
import { el, labelled, select } from '../dom.ts';
import { currentLanguage, onLocaleChange, registerLocale, setLocale, t } from '../i18n.ts';
import { ZH } from '../i18n-zh.ts';
import type { AppModule } from '../panels.ts';
import { initialLanguage, LANGUAGES, rememberLanguage } from './preference.ts';
import { chartTexts, retranslatePage, watchForOtherLanguages } from './retranslate.ts';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function applyToDocument(): void {
  document.documentElement.lang = currentLanguage();
  document.title = t('app.documentTitle');
}

registerLocale('zh-CN', ZH);
setLocale(initialLanguage(storage(), globalThis.navigator?.languages ?? []));
if (typeof document !== 'undefined') applyToDocument();

export const languageModule: AppModule = {
  id: 'language',
  mount(ctx) {
    const picker = select(
      LANGUAGES.map((l) => [l.tag, l.name]),
      currentLanguage(),
      { 'data-testid': 'language' },
    );
    for (const option of picker.options) option.lang = option.value;
    const announce = el('span', { class: 'announce', role: 'status' });
    const field = el(
      'div',
      { class: 'language-switch' },
      labelled(t('language.label'), picker, 'language-field'),
      announce,
    );
    const header = document.querySelector('#app > header');
    if (header) header.append(field);
    else ctx.toolbar.append(field);

    picker.addEventListener('change', () => {
      setLocale(picker.value);
      rememberLanguage(storage(), currentLanguage());
    });
    onLocaleChange((locale, previous) => {
      retranslatePage(document.body, previous, locale);
      applyToDocument();
      picker.value = locale;
      announce.textContent = t('language.changed');
    });
    // Texts written before this module was mounted, and any kept in a panel's variable from
    // before a switch, are rewritten as they appear.
    if (currentLanguage() !== 'en') retranslatePage(document.body, 'en', currentLanguage());
    watchForOtherLanguages(document.body);
    // Read-only, for the console and the end-to-end tests (charts draw on canvas).
    (globalThis as { rippleLanguage?: object }).rippleLanguage = { chartTexts };
  },
};
