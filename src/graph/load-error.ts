/**
 * LoadError: the one error type every loader throws. It names the file, the format, where
 * (line or XML element) and what was expected, so a user can fix the file.
 */
import type { GraphFormat } from './types.ts';

export interface LoadErrorWhere {
  line?: number;
  element?: string;
}

export class LoadError extends Error {
  readonly file: string;
  readonly format: GraphFormat | 'unknown';
  readonly line: number | null;
  readonly element: string | null;
  readonly problem: string;

  constructor(file: string, format: GraphFormat | 'unknown', problem: string, where: LoadErrorWhere = {}) {
    const at = where.line != null ? `:${where.line}` : where.element ? ` <${where.element}>` : '';
    super(`${file}${at}: ${problem}`);
    this.name = 'LoadError';
    this.file = file;
    this.format = format;
    this.line = where.line ?? null;
    this.element = where.element ?? null;
    this.problem = problem;
  }
}
