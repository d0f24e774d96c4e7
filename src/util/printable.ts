/**
 * Text from files (node ids, labels, file names, error excerpts) made safe to print on a
 * terminal: C0 and C1 control characters, DEL, and the bidirectional embeddings, overrides,
 * isolates and marks that can reorder or hide what is shown, are written as visible escapes
 * (ESC as the four characters `\x1b`, U+202E as `\u202e`). Everything else, backslashes included,
 * is printed as is, so ordinary ids read exactly as in the file; `--json` output is never escaped.
 */

// C0, DEL, C1; ALM; LRM, RLM; LRE..RLO (embeddings, pop, overrides); LRI..PDI (isolates).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every unsafe character replaced by its escape. */
export function printable(text: string): string {
  return text.replace(UNSAFE, visible);
}
