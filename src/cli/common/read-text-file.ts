/**
 * Read a small text file whole (a costs table, a list): refused with one line naming the file
 * when it cannot be read, is a directory, is larger than `maxBytes`, or is not UTF-8 text.
 */
import { readFile, stat } from 'node:fs/promises';
import { readProblem } from '../../graph/load.ts';
import { LoadError } from '../../graph/load-error.ts';

export const MAX_TABLE_BYTES = 256 * 1024 * 1024;

export async function readTextFile(path: string, maxBytes = MAX_TABLE_BYTES): Promise<string> {
  const fail = (problem: string) => new LoadError(path, 'unknown', problem);
  let bytes: Buffer;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw fail('cannot read the file (it is a directory)');
    if (s.size > maxBytes)
      throw fail(`the file is ${s.size} bytes; a table may have at most ${maxBytes} bytes`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof LoadError) throw e;
    throw fail(`cannot read the file (${readProblem(e)})`);
  }
  if (bytes.length > maxBytes) throw fail(`the file has more than ${maxBytes} bytes`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw fail(`binary data (a NUL byte at byte ${nul}); expected UTF-8 text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('the file is not UTF-8 text; save it as UTF-8');
  }
}
