/**
 * Numbers, shares, durations and dates as the current language writes them, through Intl (the
 * formatters are cached per language). Each reads the language signal, so a component using them
 * re-renders when the language changes.
 */
import { lang } from './lang.ts';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang.value}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang.value, options);
    cache.set(key, f);
  }
  return f;
}

/** A number with exactly `digits` decimals: 37,403.66 (digits 2), 1,626 (digits 0). */
export function fixed(value: number, digits = 0): string {
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A whole count: 1,626. */
export function count(value: number): string {
  return fixed(Math.round(value), 0);
}

/** A number with at most `digits` decimals (trailing zeros dropped): 0.05, 24.7. */
export function upTo(value: number, digits = 2): string {
  return numberFormat({ maximumFractionDigits: digits }).format(value);
}

/**
 * A score of any size with `digits` significant digits: 0.000123, 0.0457, 12.3, 1,230 (never
 * "0.00000000" for a small score, never 12 decimals for a large one).
 */
export function significant(value: number, digits = 3): string {
  if (value === 0 || !Number.isFinite(value)) return numberFormat({}).format(value);
  return numberFormat({ maximumSignificantDigits: digits }).format(value);
}

/** A share (0..1) as a percentage: 12.3%. */
export function percent(share: number, digits = 1): string {
  return numberFormat({
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

const plurals = new Map<string, Intl.PluralRules>();

/** The plural category of a number in the current language ('one', 'other', …). */
export function pluralOf(value: number): Intl.LDMLPluralRule {
  let rules = plurals.get(lang.value);
  if (!rules) {
    rules = new Intl.PluralRules(lang.value);
    plurals.set(lang.value, rules);
  }
  return rules.select(value);
}

/** A time span: "45 s", "2 min 5 s" (English), "45 秒", "2 分 5 秒" (Chinese). */
export function duration(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const zh = lang.value.startsWith('zh');
  if (s < 90) return zh ? `${s} 秒` : `${s} s`;
  const m = Math.floor(s / 60);
  return zh ? `${m} 分 ${s % 60} 秒` : `${m} min ${s % 60} s`;
}

/** A date (and, unless dateOnly, time). */
export function date(value: Date | number, dateOnly = false): string {
  const options: Intl.DateTimeFormatOptions = dateOnly
    ? { dateStyle: 'medium' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(lang.value, options).format(value);
}
