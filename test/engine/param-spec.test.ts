/**
 * The parameter table (src/all-params.ts) and its checks, table-driven: for every parameter,
 * its default is valid, its range edges are in and the values just outside are out, and
 * non-numbers, hex, NaN, Infinity, empty text and numbers that underflow to 0 are refused with a
 * structured error that reads as one line in English and in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { PARAM_LIST, PARAMS } from '../../src/all-params.ts';
import {
  checkParam,
  formatParamError,
  integerParam,
  joinParams,
  type NumberParam,
  type ParamError,
  type ParamSpec,
  parseDecimal,
  parseParam,
} from '../../src/util/param-spec.ts';

const numeric = PARAM_LIST.filter(
  (s): s is NumberParam => s.type === 'number' || s.type === 'integer' || s.type === 'probability',
);
const enums = PARAM_LIST.filter((s) => s.type === 'enum');
const CJK = /[\u4e00-\u9fff]/;

function refused(spec: ParamSpec, text: string): ParamError {
  const r = parseParam(spec, text);
  if (r.ok) throw new Error(`${spec.name}: '${text}' was accepted as ${String(r.value)}`);
  return r.error;
}

function accepted(spec: ParamSpec, text: string): unknown {
  const r = parseParam(spec, text);
  if (!r.ok) throw new Error(`${spec.name}: '${text}' refused: ${formatParamError(r.error, 'en')}`);
  return r.value;
}

/** A value just past a limit: the next whole number for integers, a hair further for reals. */
const past = (spec: NumberParam, x: number, dir: 1 | -1) =>
  spec.type === 'integer' ? x + dir : x + dir * 1e-9;

describe('the parameter table', () => {
  it('declares every parameter once, with labels and help in English and Chinese', () => {
    expect(PARAM_LIST.length).toBeGreaterThan(40);
    for (const spec of PARAM_LIST) {
      expect(PARAMS[spec.name as keyof typeof PARAMS]).toBe(spec);
      expect(spec.name, spec.name).toMatch(/^[a-z][a-zA-Z]*$/);
      if (spec.flag !== undefined) expect(spec.flag, spec.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      for (const text of [spec.label, spec.help, ...(spec.absent ? [spec.absent] : [])]) {
        expect(text.en.trim(), spec.name).not.toBe('');
        expect(text.zh, `${spec.name}: ${text.zh}`).toMatch(CJK);
      }
      if (spec.type === 'enum')
        for (const v of spec.values) expect(v.label.en && v.label.zh, `${spec.name}=${v.value}`).toBeTruthy();
    }
    const flags = PARAM_LIST.flatMap((s) => (s.flag ? [s.flag] : []));
    expect(new Set(flags).size).toBe(flags.length);
  });

  it('refuses a name or flag declared twice', () => {
    const a = integerParam({
      name: 'a',
      flag: 'a',
      label: { en: 'a', zh: '甲' },
      help: { en: 'a', zh: '甲' },
      min: 0,
      max: 1,
    });
    expect(() => joinParams({ a }, { a })).toThrow(/'a' declared twice/);
    expect(() => joinParams({ a }, { b: { ...a, name: 'b' } })).toThrow(/--a is both 'a' and 'b'/);
  });

  it('has the IC probability default of the app, 0.05', () => {
    expect(PARAMS.p.default).toBe(0.05);
  });
});

describe.each(numeric.map((s) => [s.name, s] as const))('%s', (_, spec) => {
  it('accepts its default, as a value and as text', () => {
    if (spec.default === null) return;
    expect(checkParam(spec, spec.default)).toEqual({ ok: true, value: spec.default });
    expect(accepted(spec, String(spec.default))).toBe(spec.default);
  });

  it('takes its range edges and refuses what lies just outside', () => {
    if (spec.min !== null) {
      if (spec.minExclusive) {
        expect(refused(spec, String(spec.min)).code).toBe('range');
        expect(accepted(spec, String(spec.min + 1e-9))).toBe(spec.min + 1e-9);
      } else {
        expect(accepted(spec, String(spec.min))).toBe(spec.min);
        expect(refused(spec, String(past(spec, spec.min, -1))).code).toBe('range');
      }
    }
    if (spec.max !== null) {
      if (spec.maxExclusive) {
        expect(refused(spec, String(spec.max)).code).toBe('range');
        expect(accepted(spec, String(spec.max - 1e-9))).toBe(spec.max - 1e-9);
      } else {
        expect(accepted(spec, String(spec.max))).toBe(spec.max);
        expect(refused(spec, String(past(spec, spec.max, 1))).code).toBe('range');
      }
    } else {
      expect(refused(spec, '1e400').code).toBe('range');
    }
  });

  it('refuses non-numbers, hex, NaN, Infinity and empty text', () => {
    for (const text of ['abc', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', '1,5', '--1', '1e', 'e3'])
      expect(refused(spec, text).code, text).toBe('not-a-number');
    expect(refused(spec, '').code).toBe('empty');
    expect(refused(spec, '   ').code).toBe('empty');
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect((checkParam(spec, value) as { error: ParamError }).error.code).toBe('range');
    for (const value of ['1', null, undefined, [1], { v: 1 }, true])
      expect((checkParam(spec, value) as { error: ParamError }).error.code).toBe('not-a-number');
  });

  it('refuses a non-zero number that would be read as 0', () => {
    expect(refused(spec, '1e-400').code).toBe('underflow');
    const zero = parseParam(spec, '-0.0e-999');
    expect(zero.ok ? zero.value : zero.error.code).not.toBe('underflow');
  });

  it('reads surrounding spaces as nothing', () => {
    const inside =
      spec.type === 'integer' ? Math.max(spec.min ?? 0, 16) : spec.max !== null && spec.max <= 1 ? 0.5 : 1;
    const r = parseParam(spec, ` ${inside} `);
    const plain = parseParam(spec, String(inside));
    expect(r).toEqual(plain);
  });

  if (spec.type === 'integer')
    it('wants whole numbers, in any decimal spelling', () => {
      const low = Math.max(spec.min ?? 0, 16);
      if (spec.max === null || low + 1 <= spec.max) expect(refused(spec, `${low}.5`).code).toBe('integer');
      if (spec.powerOfTwo) expect(accepted(spec, '1.024e3')).toBe(1024);
      else if (spec.max === null || 1000 <= spec.max) expect(accepted(spec, '1e3')).toBe(1000);
    });

  it('words every error as one line in English and Chinese, naming the parameter', () => {
    for (const text of ['abc', '1e-400', '', '1e400']) {
      const error = refused(spec, text);
      const en = formatParamError(error, 'en');
      const zh = formatParamError(error, 'zh');
      expect(en).toContain(spec.flag ? `--${spec.flag}` : spec.name);
      expect(zh).toMatch(CJK);
      for (const line of [en, zh]) expect(line).not.toContain('\n');
    }
  });
});

describe.each(enums.map((s) => [s.name, s] as const))('%s', (_, spec) => {
  it('accepts exactly its values', () => {
    if (spec.type !== 'enum') return;
    for (const v of spec.values) expect(accepted(spec, v.value)).toBe(v.value);
    if (spec.default !== null) expect(checkParam(spec, spec.default).ok).toBe(true);
    for (const text of ['', 'nope', ` ${spec.values[0].value}`, spec.values[0].value.toUpperCase()]) {
      const error = refused(spec, text);
      expect(error.code).toBe('enum');
      expect(formatParamError(error, 'en')).toContain(spec.values.map((v) => v.value).join(', '));
    }
  });
});

describe('messages', () => {
  it('state the range, the limit a caller adds and why', () => {
    expect(formatParamError(refused(PARAMS.runs, '1e12'), 'en')).toBe(
      "--runs: expected a whole number from 1 to 1000000000, got '1e12'",
    );
    expect(formatParamError(refused(PARAMS.runs, '1e12'), 'zh')).toBe(
      '--runs：应为 1 到 1000000000 之间的整数，实际为“1e12”',
    );
    expect(formatParamError(refused(PARAMS.p, '1e-400'), 'en')).toBe(
      "--p: '1e-400' is too small to represent and would be read as 0; write 0, or a larger value",
    );
    expect(formatParamError(refused(PARAMS.epsilon, '1'), 'en')).toBe(
      "--epsilon: expected a number between 0 and 1 (exclusive), got '1'",
    );
    expect(formatParamError(refused(PARAMS.registers, '100'), 'en')).toBe(
      "--registers: expected a power of two from 16 to 4096, got '100'",
    );
    const k = checkParam(PARAMS.k, 35, { max: 34, maxReason: { en: 'the number of nodes', zh: '节点数' } });
    expect(k.ok).toBe(false);
    if (!k.ok) {
      expect(formatParamError(k.error, 'en')).toBe(
        '--k: expected a whole number from 1 to 34 (the number of nodes), got 35',
      );
      expect(formatParamError(k.error, 'zh', '预算 K')).toBe(
        '预算 K：应为 1 到 34 之间的整数（节点数），实际为 35',
      );
    }
  });

  it('read decimals only', () => {
    expect(parseDecimal('0.05')).toEqual({ ok: true, value: 0.05 });
    expect(parseDecimal('-0')).toEqual({ ok: true, value: 0 });
    expect(parseDecimal('.5e1')).toEqual({ ok: true, value: 5 });
    expect(parseDecimal('0e-400')).toEqual({ ok: true, value: 0 });
    expect(parseDecimal('0.000e5')).toEqual({ ok: true, value: 0 });
    expect(parseDecimal('4.9e-324')).toEqual({ ok: true, value: 5e-324 });
    expect(parseDecimal('2e-324')).toEqual({ ok: false, code: 'underflow' });
    expect(parseDecimal('0x1')).toEqual({ ok: false, code: 'not-a-number' });
  });
});
