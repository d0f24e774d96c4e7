/**
 * Cascade logs: CSV (columns in any order, quoting, comments) and JSON lines, timestamps grouped
 * into steps with a bin width (seconds and ISO 8601 dates), ids that look like Object keys, and
 * one error naming the file, line and problem for each bad input of the issue and a few more.
 */
import { describe, expect, it } from 'vitest';
import { CascadeLogError, parseCascadeLog, previewCascadeLog } from '../../src/calibration/cascade-log.ts';
import { csrOf } from '../support/graphs.ts';

// a -> b, b -> c, a -> c, __proto__ -> a
const ids = ['a', 'b', 'c', '__proto__'];
const csr = csrOf(4, [
  [0, 1],
  [1, 2],
  [0, 2],
  [3, 0],
]);
const parse = (text: string, bin: number | null = null) =>
  parseCascadeLog(text, 'log.csv', ids, csr, { bin });
const problem = (text: string, bin: number | null = null) => {
  try {
    parse(text, bin);
  } catch (e) {
    expect(e).toBeInstanceOf(CascadeLogError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('cascade logs', () => {
  it('reads CSV with columns in any order, sorted by step, ids exactly as written', () => {
    const log = parse(
      '\ufeffStep,Account,Cascade,Parent\r\n# comment\n1,b,x,a\n0,a,x,\n\n2,c,x,b\n0,"__proto__",y,\n',
    );
    expect(log.cascades.map((c) => c.name)).toEqual(['x', 'y']);
    expect([...log.cascades[0].nodes]).toEqual([0, 1, 2]);
    expect([...log.cascades[0].steps]).toEqual([0, 1, 2]);
    expect([...log.cascades[0].parents]).toEqual([-1, 0, 1]);
    expect([...log.cascades[0].lines]).toEqual([4, 3, 6]);
    expect([...log.cascades[1].nodes]).toEqual([3]);
    expect(log).toMatchObject({ rows: 4, accounts: 4, parents: 2, format: 'csv' });
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('counts steps from each cascade first step', () => {
    const log = parse('cascade,account,step\nx,a,5\nx,b,6\n');
    expect([...log.cascades[0].steps]).toEqual([0, 1]);
  });

  it('reads JSON lines with the same fields', () => {
    const log = parse(
      '{"cascade":"x","account":"a","step":0}\n{"cascade":"x","account":"b","step":1,"parent":"a"}\n',
    );
    expect(log.format).toBe('jsonl');
    expect([...log.cascades[0].parents]).toEqual([-1, 0]);
  });

  it('groups timestamps into steps with --bin: seconds and ISO 8601 dates', () => {
    const seconds = parse('cascade,account,step\nx,a,1000\nx,b,1059.5\nx,c,1060\n', 60);
    expect([...seconds.cascades[0].steps]).toEqual([0, 0, 1]);
    const dates = parse(
      'cascade,account,step\nx,a,2026-01-01T10:00:00Z\nx,b,2026-01-01T10:30:00Z\nx,c,2026-01-01T11:05:00Z\n',
      3600,
    );
    expect([...dates.cascades[0].steps]).toEqual([0, 0, 1]);
    expect(problem('cascade,account,step\nx,a,yesterday\n', 60)).toBe(
      "log.csv:2: timestamp 'yesterday' is neither seconds nor an ISO 8601 date",
    );
  });

  it('previews a dropped log: cascades, accounts and parents matched, and the first problem', () => {
    const text = 'cascade,account,step,parent\nx,a,0,\nx,b,1,a\ny,zz,0,\ny,c,1,qq\n';
    expect(previewCascadeLog(text, 'log.csv', ids, csr)).toEqual({
      format: 'csv',
      rows: 4,
      cascades: 2,
      accounts: 3,
      unknownAccounts: 1,
      parents: 2,
      parentsMatched: 1,
      problem: "log.csv:4: account 'zz' is not in the graph",
    });
    expect(previewCascadeLog('cascade,account,step\nx,a,0\n', 'log.csv', ids, csr).problem).toBeNull();
  });

  const bad: [string, string, string][] = [
    [
      'an account not in the graph',
      'cascade,account,step\nx,a,0\nx,zz,1\n',
      "log.csv:3: account 'zz' is not in the graph",
    ],
    [
      'a parent not in the graph',
      'cascade,account,step,parent\nx,a,0,\nx,b,1,zz\n',
      "log.csv:3: parent 'zz' is not in the graph",
    ],
    [
      'a parent that adopted after its child',
      'cascade,account,step,parent\nx,a,0,\nx,b,2,\nx,c,1,b\n',
      "log.csv:4: parent 'b' adopted at step 2, after its child (step 1)",
    ],
    [
      'a parent at the same step',
      'cascade,account,step,parent\nx,a,0,\nx,b,0,a\n',
      "log.csv:3: parent 'a' adopted at step 0, the same step as its child (step 0)",
    ],
    [
      'a parent two steps before',
      'cascade,account,step,parent\nx,a,0,\nx,c,2,a\n',
      "log.csv:3: parent 'a' adopted at step 0, more than one step before its child (step 2); a parent adopts the step before",
    ],
    [
      'a parent outside the cascade',
      'cascade,account,step,parent\nx,a,0,\ny,c,0,\ny,b,1,a\n',
      "log.csv:4: parent 'a' is not in cascade 'y'",
    ],
    [
      'a parent with no arc to its child',
      'cascade,account,step,parent\nx,b,0,\nx,a,1,b\n',
      "log.csv:3: parent 'b' cannot reach 'a': the graph has no arc from it (check --direction)",
    ],
    [
      'a step that is not an integer',
      'cascade,account,step\nx,a,0\nx,b,1.5\n',
      "log.csv:3: step '1.5' is not a whole number (give --bin SECONDS to read timestamps)",
    ],
    [
      'a cascade with no first adopter',
      'cascade,account,step,parent\nx,a,0,b\nx,b,1,a\n',
      "log.csv:2: cascade 'x' has no first adopter: every account in it names a parent",
    ],
    [
      'a missing header column',
      'cascade,account\nx,a\n',
      "log.csv:1: the header has no 'step' column (expected cascade,account,step[,parent])",
    ],
    [
      'an unknown header column',
      'cascade,account,step,when\nx,a,0,1\n',
      "log.csv:1: unknown column 'when' in the header (expected cascade, account, step and optionally parent)",
    ],
    ['a short line', 'cascade,account,step\nx,a\n', 'log.csv:2: expected 3 fields as in the header, got 2'],
    [
      'an account twice',
      'cascade,account,step\nx,a,0\nx,a,1\n',
      "log.csv:3: account 'a' adopts twice in cascade 'x' (first on line 2)",
    ],
    [
      'a JSON line missing a field',
      '{"cascade":"x","account":"a"}\n',
      "log.csv:1: the field 'step' is missing",
    ],
    [
      'an unknown JSON field',
      '{"cascade":"x","account":"a","step":0,"at":1}\n',
      "log.csv:1: unknown field 'at' (expected cascade, account, step, parent)",
    ],
    [
      'no adoptions',
      'cascade,account,step\n',
      "log.csv:1: no adoptions: expected the header 'cascade,account,step[,parent]' and one adoption per line",
    ],
    [
      'binary data',
      'cascade,account,step\nx,a\u0000,0\n',
      'log.csv:2: binary data (a NUL byte); expected text',
    ],
  ];

  it.each(bad)('refuses %s with one line naming file, line and problem', (_name, text, message) => {
    expect(problem(text)).toBe(message);
  });
});
