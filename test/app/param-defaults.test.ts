/**
 * A default has one value everywhere: the app's default scenario, the Model tab's fields, the
 * engine's defaults and the command line all take the parameter table's (src/all-params.ts).
 */
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/all-params.ts';
import { defaultScenario } from '../../src/app/store.ts';
import { FIELDS, MODEL_TAB_PARAMS } from '../../src/app/ui/model-panel.ts';
import { DEFAULTS, resolveParams } from '../../src/diffusion/defaults.ts';
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

  it("the Model tab's fields are the table's ranges and steps", () => {
    for (const [field, spec] of Object.entries(MODEL_TAB_PARAMS)) {
      const f = FIELDS[field as keyof typeof FIELDS];
      expect(f.min, field).toBe(spec.min);
      expect(f.max, field).toBe(spec.max);
      expect(f.step, field).toBe(String(spec.step));
      expect(f.integer, field).toBe(spec.type === 'integer');
    }
    expect(FIELDS.maxSteps.optional).toBe(true);
    expect(FIELDS.p.optional).toBe(false);
  });
});
