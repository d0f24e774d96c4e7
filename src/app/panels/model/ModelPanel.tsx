/**
 * The Model tab: the model, its parameters (described as data, the form generated from them),
 * one plain sentence on what the probability means, tie strength from the file, runs and the
 * random seed. A field keeps what was typed while it is invalid and shows why beside it.
 */
import type { ModelName } from '../../../diffusion/types.ts';
import { MODEL_NAMES } from '../../../diffusion/types.ts';
import type { Scenario } from '../../../engine/scenario.ts';
import { useApp } from '../../core/context.ts';
import { NumberInput, Select } from '../../ui/fields.tsx';
import { FIELDS, MODEL_FIELDS, type NumberField, parseField } from './fields.ts';
import { t } from './messages.ts';

function current(s: Scenario, field: NumberField): number | null {
  if (field === 'runs') return s.runs;
  if (field === 'rngSeed') return s.rngSeed;
  return s.params[field];
}

export function ModelPanel() {
  const { store } = useApp();
  const scenario = store.scenario.value;
  const graph = store.graph.value;
  const fileP = graph?.loaded.csr.values === 'probability';
  const fromFile = scenario.model === 'ic' && scenario.params.p === null && fileP;
  const commit = (field: NumberField, value: number | null) => {
    if (field === 'runs') store.patchScenario({ runs: value as number });
    else if (field === 'rngSeed') store.patchScenario({ rngSeed: value as number });
    else store.patchScenario({ params: { [field]: value } });
  };
  const field = (name: NumberField) => {
    const spec = FIELDS[name];
    const value = current(scenario, name);
    return (
      <NumberInput
        key={name}
        id={name === 'runs' ? 'runs' : name === 'p' ? 'p' : `param-${name}`}
        testid={`param-${name}`}
        label={spec.label()}
        value={name === 'p' && value === null ? FIELDS.p.fallback : value}
        min={spec.min}
        max={spec.max ?? undefined}
        step={spec.step}
        disabled={name === 'p' && fromFile}
        parse={(text) => parseField(name, text)}
        onCommit={(v) => commit(name, v)}
      />
    );
  };
  return (
    <>
      <Select<ModelName>
        label={t('model.label')}
        testid="model"
        value={scenario.model}
        options={MODEL_NAMES.map((m) => ({ value: m, label: t(`model.${m}`) }))}
        onChange={(model) => store.patchScenario({ model })}
      />
      <p class="help" data-testid="model-help">
        {t(fromFile ? 'model.ic.fileHelp' : `model.${scenario.model}.help`)}
      </p>
      <div class="fields">
        {MODEL_FIELDS[scenario.model].map(field)}
        {field('maxSteps')}
      </div>
      <label class="choice" hidden={!(scenario.model === 'ic' && fileP)}>
        <input
          type="checkbox"
          data-testid="use-file-p"
          checked={fromFile}
          onChange={(e) =>
            store.patchScenario({
              params: { p: (e.currentTarget as HTMLInputElement).checked ? null : FIELDS.p.fallback },
            })
          }
        />{' '}
        {t('param.useFile')}
      </label>
      <div hidden={!(graph?.loaded.csr.values === 'weight' || scenario.edgeValues === 'ignore')}>
        <Select<'weight' | 'ignore'>
          label={t('param.ties')}
          testid="ties"
          value={scenario.edgeValues === 'ignore' ? 'ignore' : 'weight'}
          options={[
            { value: 'weight', label: t('param.ties.file') },
            { value: 'ignore', label: t('param.ties.equal') },
          ]}
          onChange={(v) => store.patchScenario({ edgeValues: v })}
        />
      </div>
      <div class="fields">
        {field('runs')}
        {field('rngSeed')}
      </div>
    </>
  );
}
