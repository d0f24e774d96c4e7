/**
 * The seed-finding settings: budget K, method, model (ic, wc, lt; p for ic), IMM's epsilon, the
 * fresh Monte Carlo runs that measure the chosen set, and the random seed. CELF is offered only on
 * small graphs: above CELF_APP_LIMIT accounts its option is disabled and a line says why.
 */
import { P } from '../../../diffusion/params.ts';
import { CELF_DEFAULTS } from '../../../seeding/celf.ts';
import { FIND_SEEDS_DEFAULTS, SEED_METHODS, type SeedMethod } from '../../../seeding/find-seeds.ts';
import { IMM_DEFAULTS } from '../../../seeding/imm.ts';
import { RR_MODELS, type RrModel } from '../../../seeding/rr-sets.ts';
import { el, labelled, select } from '../../dom.ts';
import { formatNumber, type StringKey, t } from '../../i18n.ts';
import type { GraphState, Store } from '../../state/types.ts';

/**
 * CELF's first round simulates every account `celfRuns` times: above this many accounts that
 * takes minutes to hours in a browser, while IMM gives the same guarantee in seconds.
 */
export const CELF_APP_LIMIT = 2000;

export const DEFAULT_K = 10;

export interface SeedFindSettings {
  k: number;
  method: SeedMethod;
  model: RrModel;
  /** ic: uniform probability, or null for the file's per-edge probabilities. */
  p: number | null;
  epsilon: number;
  runs: number;
  rngSeed: number;
}

const METHOD_KEYS: Record<SeedMethod, StringKey> = {
  imm: 'seedfind.method.imm',
  celf: 'seedfind.method.celf',
  degree: 'seedfind.method.degree',
  'degree-discount': 'seedfind.method.degreeDiscount',
  pagerank: 'seedfind.method.pagerank',
  community: 'seedfind.method.community',
  random: 'seedfind.method.random',
};

const METHOD_HELP: Record<SeedMethod, StringKey> = {
  imm: 'seedfind.help.imm',
  celf: 'seedfind.help.celf',
  degree: 'seedfind.help.degree',
  'degree-discount': 'seedfind.help.degreeDiscount',
  pagerank: 'seedfind.help.pagerank',
  community: 'seedfind.help.community',
  random: 'seedfind.help.random',
};

export function methodLabel(method: SeedMethod): string {
  return t(METHOD_KEYS[method]);
}

function numberInput(
  testid: string,
  min: string,
  max: string,
  step: string,
  value: string,
): HTMLInputElement {
  return el('input', { type: 'number', min, max, step, value, 'data-testid': testid });
}

export class SeedFindForm {
  readonly element: HTMLElement;
  readonly k = numberInput('seedfind-k', '1', '1000', '1', String(DEFAULT_K));
  readonly method: HTMLSelectElement;
  readonly model: HTMLSelectElement;
  readonly p = numberInput('seedfind-p', '0', '1', String(P.step), String(P.default));
  readonly useFile = el('input', { type: 'checkbox', 'data-testid': 'seedfind-use-file' });
  readonly epsilon = numberInput('seedfind-epsilon', '0.01', '0.99', '0.05', String(IMM_DEFAULTS.epsilon));
  readonly runs = numberInput('seedfind-runs', '1', '10000000', '100', String(FIND_SEEDS_DEFAULTS.runs));
  readonly rng = numberInput('seedfind-rng', '0', String(2 ** 32 - 1), '1', '1');
  private readonly help = el('p', { class: 'help', 'data-testid': 'seedfind-method-help' });
  private readonly celfNote = el('p', { class: 'hint', 'data-testid': 'seedfind-celf-note' });
  private readonly pRow: HTMLElement;
  private readonly useFileRow: HTMLElement;
  private readonly epsilonRow: HTMLElement;
  private nodes = 0;

  constructor(private readonly store: Store) {
    this.method = select(
      SEED_METHODS.map((m) => [m, methodLabel(m)]),
      FIND_SEEDS_DEFAULTS.method,
      { 'data-testid': 'seedfind-method' },
    );
    this.model = select(
      RR_MODELS.map((m) => [m, t(`model.${m}`)]),
      FIND_SEEDS_DEFAULTS.model,
      { 'data-testid': 'seedfind-model' },
    );
    this.followScenario();
    this.pRow = labelled(t('seedfind.p'), this.p);
    this.useFileRow = el('label', { class: 'choice' }, this.useFile, ` ${t('seedfind.useFile')}`);
    this.epsilonRow = labelled(t('seedfind.epsilon'), this.epsilon);
    this.element = el(
      'div',
      { class: 'fields' },
      labelled(t('seedfind.k'), this.k),
      labelled(t('seedfind.method'), this.method),
      this.help,
      this.celfNote,
      labelled(t('seedfind.model'), this.model),
      this.pRow,
      this.useFileRow,
      this.epsilonRow,
      labelled(t('seedfind.runs'), this.runs),
      labelled(t('seedfind.rng'), this.rng),
    );
    for (const control of [this.method, this.model, this.useFile])
      control.addEventListener('change', () => this.refresh());
    this.refresh();
  }

  /** Start from the scenario's model, p and random seed (when the model is one seeds can be found for). */
  private followScenario(): void {
    const scenario = this.store.get().scenario;
    if ((RR_MODELS as readonly string[]).includes(scenario.model)) this.model.value = scenario.model;
    if (scenario.params.p !== null) this.p.value = String(scenario.params.p);
    this.rng.value = String(scenario.rngSeed);
  }

  /** Adapt to a graph: the scenario's settings, K's maximum, CELF's availability, file probabilities. */
  setGraph(graph: GraphState | null): void {
    this.followScenario();
    this.nodes = graph?.loaded.csr.n ?? 0;
    this.k.max = String(Math.max(1, Math.min(1000, this.nodes)));
    const fileP = graph?.loaded.csr.values === 'probability';
    this.useFileRow.hidden = !fileP;
    this.useFile.checked = fileP && this.useFile.checked;
    const celfOption = [...this.method.options].find((o) => o.value === 'celf');
    const tooBig = this.nodes > CELF_APP_LIMIT;
    if (celfOption) celfOption.disabled = tooBig;
    if (tooBig && this.method.value === 'celf') this.method.value = 'imm';
    this.celfNote.textContent = tooBig
      ? t('seedfind.celfDisabled', { nodes: formatNumber(this.nodes), limit: formatNumber(CELF_APP_LIMIT) })
      : '';
    this.celfNote.hidden = !tooBig;
    this.refresh();
  }

  private refresh(): void {
    const method = this.method.value as SeedMethod;
    const ic = this.model.value === 'ic';
    this.help.textContent =
      method === 'celf'
        ? `${t(METHOD_HELP.celf)} ${t('seedfind.help.celfRuns', { runs: formatNumber(CELF_DEFAULTS.runs) })}`
        : t(METHOD_HELP[method]);
    this.pRow.hidden = !ic;
    this.p.disabled = ic && this.useFile.checked && !this.useFileRow.hidden;
    if (!ic) this.useFileRow.hidden = true;
    this.epsilonRow.hidden = method !== 'imm';
  }

  /** The settings, or the first problem in one sentence naming the field. */
  read(): SeedFindSettings | { error: string } {
    const whole = (input: HTMLInputElement, name: StringKey, min: number, max: number) => {
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isInteger(v) || v < min || v > max)
        return t('seedfind.invalidWhole', {
          name: t(name),
          min: formatNumber(min),
          max: formatNumber(max),
          got: input.value,
        });
      return v;
    };
    const k = whole(this.k, 'seedfind.k', 1, Math.max(1, Math.min(1000, this.nodes)));
    if (typeof k === 'string') return { error: k };
    const runs = whole(this.runs, 'seedfind.runs', 1, 10_000_000);
    if (typeof runs === 'string') return { error: runs };
    const rngSeed = whole(this.rng, 'seedfind.rng', 0, 2 ** 32 - 1);
    if (typeof rngSeed === 'string') return { error: rngSeed };
    const model = this.model.value as RrModel;
    const method = this.method.value as SeedMethod;
    if (method === 'celf' && this.nodes > CELF_APP_LIMIT)
      return {
        error: t('seedfind.celfDisabled', {
          nodes: formatNumber(this.nodes),
          limit: formatNumber(CELF_APP_LIMIT),
        }),
      };
    let p: number | null = null;
    if (model === 'ic' && !this.p.disabled) {
      p = Number(this.p.value);
      if (this.p.value.trim() === '' || !(p >= 0 && p <= 1))
        return { error: t('seedfind.invalidP', { got: this.p.value }) };
    }
    const epsilon = Number(this.epsilon.value);
    if (method === 'imm' && !(epsilon > 0 && epsilon < 1))
      return { error: t('seedfind.invalidEpsilon', { got: this.epsilon.value }) };
    return { k, method, model, p, epsilon, runs, rngSeed };
  }
}
