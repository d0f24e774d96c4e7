/**
 * A default has one value everywhere: the app's default scenario, the Model tab's fields, the
 * engine's defaults and the command line all take the parameter table's (src/all-params.ts).
 */
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/all-params.ts';
import { lang } from '../../src/app/i18n/lang.ts';
import { defaultScenario } from '../../src/app/state/default-scenario.ts';
import { parseFor } from '../../src/app/ui/ParamField.tsx';
import { DEFAULTS, resolveParams } from '../../src/diffusion/defaults.ts';
import { MAX_STEPS_PARAM, P, RUNS } from '../../src/diffusion/params.ts';
import { formatParamError, parseParam } from '../../src/util/param-spec.ts';
import { csrOf } from '../support/graphs.ts';

describe('defaults', () => {
  it("the app's default scenario is the table's defaults", () => {
    const s = defaultScenario();
    expect(s.model).toBe(PARAMS.model.default);
    expect(s.edgeValues).toBe(PARAMS.edgeValues.default);
    expect(s.params).toEqual({
      p: PARAMS.p.default,
      gamma: PARAMS.gamma.default,
      phi: PARAMS.phi.default,
      maxSteps: PARAMS.maxSteps.default,
    });
    expect(s.runs).toBe(PARAMS.runs.default);
    expect(s.rngSeed).toBe(PARAMS.rngSeed.default);
  });

  it("the engine's defaults are the table's: IC p = 0.05 in the app, the engine and the CLI", () => {
    expect(DEFAULTS).toEqual({
      p: PARAMS.p.default,
      gamma: PARAMS.gamma.default,
      phi: PARAMS.phi.default,
      maxSteps: PARAMS.maxSteps.default,
    });
    const csr = csrOf(3, [
      [0, 1],
      [1, 2],
    ]);
    expect(resolveParams({ model: 'ic' }, csr).p).toBe(0.05);
    expect(resolveParams({ model: 'sir' }, csr).p).toBe(defaultScenario().params.p);
  });

  it("the app's fields check with the table's rules and say the command line's error, in the page's language", () => {
    expect(parseFor(P, '0.25')).toEqual({ value: 0.25 });
    expect(parseFor(MAX_STEPS_PARAM, '')).toEqual({ value: null });
    expect(parseFor(RUNS, '')).toHaveProperty('error');
    for (const [spec, text] of [
      [P, '1.5'],
      [P, '1e-400'],
      [RUNS, '2.5'],
      [RUNS, '1e12'],
    ] as const) {
      const cli = parseParam(spec, text);
      expect(cli.ok).toBe(false);
      if (cli.ok) continue;
      expect(parseFor(spec, text)).toEqual({ error: formatParamError(cli.error, 'en', spec.label.en) });
      lang.value = 'zh-CN';
      expect(parseFor(spec, text)).toEqual({ error: formatParamError(cli.error, 'zh', spec.label.zh) });
      lang.value = 'en';
    }
    expect(parseFor(P, '1.5')).toEqual({
      error: "Probability p: expected a probability between 0 and 1, got '1.5'",
    });
  });
});
