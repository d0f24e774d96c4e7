/**
 * The Model tab: the model, its parameters (declared in the parameter table, src/all-params.ts,
 * and the fields generated from them), one plain sentence on what the probability means, tie
 * strength from the file, runs and random seed.
 */
import { GAMMA, MAX_STEPS_PARAM, MODEL_READS, P, PHI, RNG_SEED, RUNS } from '../../diffusion/params.ts';
import type { ModelName } from '../../diffusion/types.ts';
import { MODEL_NAMES } from '../../diffusion/types.ts';
import type { Scenario } from '../../engine/scenario.ts';
import { formatParamError, type NumberParam, parseParam } from '../../util/param-spec.ts';
import { el, labelled, select } from '../dom.ts';
import { currentLanguage, type StringKey, t } from '../i18n.ts';
import type { PanelDef } from '../panels.ts';

type NumberField = 'p' | 'gamma' | 'phi' | 'maxSteps' | 'runs' | 'rngSeed';

/** The Model tab's number fields, as the parameter table declares them. */
export const MODEL_TAB_PARAMS: Record<NumberField, NumberParam> = {
  p: P,
  gamma: GAMMA,
  phi: PHI,
  maxSteps: MAX_STEPS_PARAM,
  runs: RUNS,
  rngSeed: RNG_SEED,
};

interface FieldSpec {
  label: StringKey;
  min: number;
  max: number | null;
  step: string;
  integer: boolean;
  /** Empty input allowed (null). */
  optional: boolean;
}

const LABELS: Record<NumberField, StringKey> = {
  p: 'param.p',
  gamma: 'param.gamma',
  phi: 'param.phi',
  maxSteps: 'param.maxSteps',
  runs: 'param.runs',
  rngSeed: 'param.rng',
};

function fieldSpec(field: NumberField): FieldSpec {
  const spec = MODEL_TAB_PARAMS[field];
  return {
    label: LABELS[field],
    min: spec.min ?? 0,
    max: spec.max,
    step: String(spec.step),
    integer: spec.type === 'integer',
    optional: spec.default === null && spec.absent !== undefined,
  };
}

export const FIELDS = Object.fromEntries(
  (Object.keys(MODEL_TAB_PARAMS) as NumberField[]).map((field) => [field, fieldSpec(field)]),
) as Record<NumberField, FieldSpec>;

/** The parameters each model reads. */
export const MODEL_FIELDS = MODEL_READS;

/**
 * Parse a field's text with the table's rules (the command line's): the number, null for an
 * allowed empty value, or the error in the page's language, naming the field by its label.
 */
export function parseField(field: NumberField, text: string): { value: number | null } | { error: string } {
  if (text.trim() === '' && FIELDS[field].optional) return { value: null };
  const parsed = parseParam(MODEL_TAB_PARAMS[field], text);
  if (parsed.ok) return { value: parsed.value };
  const lang = /^zh/i.test(currentLanguage()) ? 'zh' : 'en';
  return { error: formatParamError(parsed.error, lang, t(FIELDS[field].label)) };
}

function current(s: Scenario, field: NumberField): number | null {
  if (field === 'runs') return s.runs;
  if (field === 'rngSeed') return s.rngSeed;
  return s.params[field];
}

export const modelPanel: PanelDef = {
  id: 'model',
  title: 'tab.model',
  order: 30,
  mount(container, ctx) {
    const { store } = ctx;
    const model = select(
      MODEL_NAMES.map((m) => [m, t(`model.${m}`)]),
      store.get().scenario.model,
      { 'data-testid': 'model' },
    );
    const help = el('p', { class: 'help', 'data-testid': 'model-help' });
    const fieldsBox = el('div', { class: 'fields' });
    const useFile = el('input', { type: 'checkbox', 'data-testid': 'use-file-p' });
    const useFileRow = el('label', { class: 'choice' }, useFile, ` ${t('param.useFile')}`);
    const ties = select(
      [
        ['weight', t('param.ties.file')],
        ['ignore', t('param.ties.equal')],
      ],
      'weight',
      { 'data-testid': 'ties' },
    );
    const tiesRow = labelled(t('param.ties'), ties);
    const inputs = new Map<NumberField, HTMLInputElement>();
    const errors = new Map<NumberField, HTMLElement>();

    const makeField = (field: NumberField): HTMLElement => {
      const spec = FIELDS[field];
      const input = el('input', {
        type: 'number',
        id: field === 'runs' ? 'runs' : field === 'p' ? 'p' : `param-${field}`,
        min: String(spec.min),
        step: spec.step,
        'data-testid': `param-${field}`,
      });
      if (spec.max !== null) input.max = String(spec.max);
      const error = el('span', { class: 'error', id: `${input.id}-error` });
      input.setAttribute('aria-describedby', error.id);
      input.addEventListener('change', () => {
        const parsed = parseField(field, input.value);
        if ('error' in parsed) {
          error.textContent = parsed.error;
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        error.textContent = '';
        input.removeAttribute('aria-invalid');
        if (field === 'runs') store.patchScenario({ runs: parsed.value as number });
        else if (field === 'rngSeed') store.patchScenario({ rngSeed: parsed.value as number });
        else store.patchScenario({ params: { [field]: parsed.value } });
      });
      inputs.set(field, input);
      errors.set(field, error);
      const box = labelled(t(spec.label), input);
      box.append(error);
      return box;
    };

    model.addEventListener('change', () => store.patchScenario({ model: model.value as ModelName }));
    useFile.addEventListener('change', () =>
      store.patchScenario({
        params: { p: useFile.checked ? null : Number(inputs.get('p')?.value) || P.default },
      }),
    );
    ties.addEventListener('change', () =>
      store.patchScenario({ edgeValues: ties.value === 'ignore' ? 'ignore' : 'weight' }),
    );

    let shownModel: ModelName | null = null;
    const render = () => {
      const { scenario, graph } = store.get();
      model.value = scenario.model;
      const fileP = graph?.loaded.csr.values === 'probability';
      const fromFile = scenario.model === 'ic' && scenario.params.p === null && fileP;
      help.textContent = t(fromFile ? 'model.ic.fileHelp' : `model.${scenario.model}.help`);
      if (shownModel !== scenario.model) {
        shownModel = scenario.model;
        inputs.clear();
        fieldsBox.replaceChildren(...MODEL_FIELDS[scenario.model].map(makeField), makeField('maxSteps'));
      }
      useFileRow.hidden = !(scenario.model === 'ic' && fileP);
      useFile.checked = fromFile;
      const pInput = inputs.get('p');
      if (pInput) pInput.disabled = fromFile;
      tiesRow.hidden = !(graph?.loaded.csr.values === 'weight' || scenario.edgeValues === 'ignore');
      ties.value = scenario.edgeValues === 'ignore' ? 'ignore' : 'weight';
      for (const [field, input] of inputs) {
        if (document.activeElement === input && input.getAttribute('aria-invalid')) continue;
        const v = current(scenario, field);
        input.value = v === null ? (field === 'p' ? String(P.default) : '') : String(v);
      }
    };
    const always = el('div', { class: 'fields' }, makeField('runs'), makeField('rngSeed'));
    const alwaysInputs = new Map(inputs);
    store.select(
      (s) => s.scenario,
      () => {
        render();
        for (const [field, input] of alwaysInputs) {
          if (document.activeElement !== input) input.value = String(current(store.get().scenario, field));
        }
      },
    );
    store.select((s) => s.graph, render);
    render();
    for (const [field, input] of alwaysInputs) input.value = String(current(store.get().scenario, field));

    container.append(labelled(t('model.label'), model), help, fieldsBox, useFileRow, tiesRow, always);
  },
};
