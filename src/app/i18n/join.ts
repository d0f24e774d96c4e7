/** Joining translated texts the way the current language writes them. */
import { fullWidth } from './lang.ts';

/** Sentences one after the other: a space between them, none after full-width punctuation (。). */
export function sentences(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(fullWidth() ? '' : ' ');
}

/** An aside in brackets after a value: " (…)" or, in Chinese, "（…）". */
export function aside(text: string): string {
  return fullWidth() ? `（${text}）` : ` (${text})`;
}

/** What follows a label: ": " or, in Chinese, "：". */
export function colon(): string {
  return fullWidth() ? '：' : ': ';
}
