/**
 * Number formatting for long tables: the same output as formatNumber (current language, fixed
 * fraction digits) from cached Intl.NumberFormat objects, since toLocaleString builds a new one
 * per call (about 0.1 ms each: a page of the leaders table has 600 numbers).
 */
import { currentLanguage } from '../../i18n.ts';

const cache = new Map<string, Intl.NumberFormat>();

export function formatFast(value: number, digits = 0): string {
  const key = `${currentLanguage()}|${digits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(currentLanguage(), {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
    cache.set(key, format);
  }
  return format.format(value);
}
