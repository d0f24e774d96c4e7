/**
 * Critical-mass settings: what to sweep (spread probability p, number of seeds k, adoption
 * threshold phi), the model, the range, grid points and runs per point, the fixed parameters, the
 * seeds (p and phi sweeps: one random account per run or the scenario's seeds; k sweeps: the top
 * k by degree or PageRank, or k at random) and, for k sweeps, the reach target of the fewest-seeds
 * search. Ranges default from the graph (p up to a few times its theoretical threshold).
 */
import { theoryFor } from '../../../analysis/tipping/theory.ts';
import type { Vary } from '../../../analysis/tipping/types.ts';
import { DEFAULTS } from '../../../diffusion/defaults.ts';
import { GAMMA, P, PHI } from '../../../diffusion/params.ts';
import type { ModelName } from '../../../diffusion/types.ts';
import { el, labelled, select } from '../../dom.ts';
import { formatNumber, type StringKey, t } from '../../i18n.ts';
import type { GraphState, Store } from '../../state/types.ts';

export type KBy = 'degree' | 'pagerank' | 'random';
export type SweepSeeds = 'random' | 'scenario';

export interface CriticalSettings {
  vary: Vary;
  model: ModelName;
  from: number;
  to: number;
  steps: number;
  runs: number;
  p: number;
  gamma: number;
  phi: number;
  seeds: SweepSeeds;
  by: KBy;
  /** k sweeps: reach target as a share of the nodes, or null. */
  target: number | null;
  rngSeed: number;
}

/** The models each sweep applies to. */
export const MODELS_FOR: Record<Vary, ModelName[]> = {
  p: ['ic', 'sir'],
  k: ['ic', 'wc', 'lt', 'sir', 'threshold'],
  phi: ['threshold'],
};

export const CRITICAL_DEFAULTS = { steps: 11, runs: 500, target: 20 } as const;

/** A round number near x with two significant digits. */
function round2(x: number): number {
  return Number(x.toPrecision(2));
}

/** Default sweep range for the graph: p to about 3x the branching threshold, k to 50, phi to 0.5. */
export function defaultRange(vary: Vary, graph: GraphState | null): [number, number] {
  const n = graph?.loaded.csr.n ?? 1;
  if (vary === 'k') return [1, Math.max(2, Math.min(50, n))];
  if (vary === 'phi') return [0.05, 0.5];
  const pc = graph ? theoryFor(graph.loaded.csr, 'p', { model: 'ic', ...DEFAULTS }).theory : null;
  return [0, pc !== null && pc > 0 ? Math.min(1, Math.max(0.05, round2(3 * pc))) : 0.5];
}

function numberInput(testid: string, step: string, value: string, min = '0', max = ''): HTMLInputElement {
  const input = el('input', { type: 'number', step, value, min, 'data-testid': testid });
  if (max) input.max = max;
  return input;
}

export class CriticalForm {
  readonly element: HTMLElement;
  readonly vary = select(
    [
      ['p', t('critical.vary.p')],
      ['k', t('critical.vary.k')],
      ['phi', t('critical.vary.phi')],
    ],
    'p',
    { 'data-testid': 'critical-vary' },
  );
  readonly model = select([], 'ic', { 'data-testid': 'critical-model' });
  readonly from = numberInput('critical-from', 'any', '0');
  readonly to = numberInput('critical-to', 'any', '0.5');
  readonly steps = numberInput('critical-steps', '1', String(CRITICAL_DEFAULTS.steps), '2', '1000');
  readonly runs = numberInput('critical-runs', '100', String(CRITICAL_DEFAULTS.runs), '1');
  readonly p = numberInput('critical-p', String(P.step), String(P.default), '0', '1');
  readonly gamma = numberInput('critical-gamma', String(GAMMA.step), String(GAMMA.default), '0', '1');
  readonly phi = numberInput('critical-phi', String(PHI.step), String(PHI.default), '0', '1');
  readonly seeds = select(
    [
      ['random', t('critical.seeds.random')],
      ['scenario', t('critical.seeds.scenario')],
    ],
    'random',
    { 'data-testid': 'critical-seeds' },
  );
  readonly by = select(
    [
      ['degree', t('critical.by.degree')],
      ['pagerank', t('critical.by.pagerank')],
      ['random', t('critical.by.random')],
    ],
    'degree',
    { 'data-testid': 'critical-by' },
  );
  readonly target = numberInput('critical-target', '1', String(CRITICAL_DEFAULTS.target), '0', '100');
  readonly rng = numberInput('critical-rng', '1', '1', '0', String(2 ** 32 - 1));
  private readonly rows: Record<'p' | 'gamma' | 'phi' | 'seeds' | 'by' | 'target', HTMLElement>;
  private graph: GraphState | null = null;

  constructor(private readonly store: Store) {
    this.rng.value = String(store.get().scenario.rngSeed);
    this.rows = {
      p: labelled(t('critical.p'), this.p),
      gamma: labelled(t('critical.gamma'), this.gamma),
      phi: labelled(t('critical.phi'), this.phi),
      seeds: labelled(t('critical.seeds'), this.seeds),
      by: labelled(t('critical.by'), this.by),
      target: labelled(t('critical.target'), this.target),
    };
    this.element = el(
      'div',
      { class: 'fields' },
      labelled(t('critical.vary'), this.vary),
      labelled(t('critical.model'), this.model),
      el(
        'div',
        { class: 'row' },
        labelled(t('critical.from'), this.from),
        labelled(t('critical.to'), this.to),
      ),
      el(
        'div',
        { class: 'row' },
        labelled(t('critical.steps'), this.steps),
        labelled(t('critical.runs'), this.runs),
      ),
      this.rows.p,
      this.rows.gamma,
      this.rows.phi,
      this.rows.seeds,
      this.rows.by,
      this.rows.target,
      labelled(t('critical.rng'), this.rng),
    );
    this.vary.addEventListener('change', () => this.onVary(true));
    this.model.addEventListener('change', () => this.refresh());
    this.onVary(true);
  }

  setGraph(graph: GraphState | null): void {
    this.graph = graph;
    this.rng.value = String(this.store.get().scenario.rngSeed);
    this.onVary(true);
  }

  private onVary(resetRange: boolean): void {
    const vary = this.vary.value as Vary;
    const models = MODELS_FOR[vary];
    const before = this.model.value as ModelName;
    this.model.replaceChildren(...models.map((m) => el('option', { value: m }, t(`model.${m}`))));
    this.model.value = models.includes(before) ? before : models[0];
    if (resetRange) {
      const [a, b] = defaultRange(vary, this.graph);
      this.from.value = String(a);
      this.to.value = String(b);
      const integer = vary === 'k';
      this.from.step = integer ? '1' : 'any';
      this.to.step = integer ? '1' : 'any';
    }
    this.refresh();
  }

  private refresh(): void {
    const vary = this.vary.value as Vary;
    const model = this.model.value as ModelName;
    this.rows.p.hidden = vary === 'p' || !(model === 'ic' || model === 'sir');
    this.rows.gamma.hidden = model !== 'sir';
    this.rows.phi.hidden = vary === 'phi' || model !== 'threshold';
    this.rows.seeds.hidden = vary === 'k';
    this.rows.by.hidden = vary !== 'k';
    this.rows.target.hidden = vary !== 'k';
  }

  /** The settings, or the first problem in one sentence naming the field. */
  read(): CriticalSettings | { error: string } {
    const vary = this.vary.value as Vary;
    const n = this.graph?.loaded.csr.n ?? 1;
    const num = (input: HTMLInputElement, name: StringKey, min: number, max: number, whole: boolean) => {
      const v = Number(input.value);
      if (
        input.value.trim() === '' ||
        !Number.isFinite(v) ||
        v < min ||
        v > max ||
        (whole && !Number.isInteger(v))
      )
        return t(whole ? 'critical.invalidWhole' : 'critical.invalidNumber', {
          name: t(name),
          min: formatNumber(min, whole ? 0 : 2),
          max: formatNumber(max, whole ? 0 : 2),
          got: input.value,
        });
      return v;
    };
    const rangeMax = vary === 'k' ? n : 1;
    const from = num(this.from, 'critical.from', vary === 'k' ? 1 : 0, rangeMax, vary === 'k');
    if (typeof from === 'string') return { error: from };
    const to = num(this.to, 'critical.to', vary === 'k' ? 1 : 0, rangeMax, vary === 'k');
    if (typeof to === 'string') return { error: to };
    if (!(from < to)) return { error: t('critical.invalidRange') };
    const steps = num(this.steps, 'critical.steps', 2, 1000, true);
    if (typeof steps === 'string') return { error: steps };
    const runs = num(this.runs, 'critical.runs', 1, 10_000_000, true);
    if (typeof runs === 'string') return { error: runs };
    const p = num(this.p, 'critical.p', 0, 1, false);
    if (typeof p === 'string') return { error: p };
    const gamma = num(this.gamma, 'critical.gamma', 0, 1, false);
    if (typeof gamma === 'string') return { error: gamma };
    const phi = num(this.phi, 'critical.phi', 0, 1, false);
    if (typeof phi === 'string') return { error: phi };
    const rngSeed = num(this.rng, 'critical.rng', 0, 2 ** 32 - 1, true);
    if (typeof rngSeed === 'string') return { error: rngSeed };
    let target: number | null = null;
    if (vary === 'k' && this.target.value.trim() !== '') {
      const percent = num(this.target, 'critical.target', 0, 100, false);
      if (typeof percent === 'string') return { error: percent };
      target = percent > 0 ? percent / 100 : null;
    }
    return {
      vary,
      model: this.model.value as ModelName,
      from,
      to,
      steps,
      runs,
      p,
      gamma,
      phi,
      seeds: this.seeds.value as SweepSeeds,
      by: this.by.value as KBy,
      target,
      rngSeed,
    };
  }
}
