/**
 * The Model tab: the model, the parameters it reads, one plain sentence on what they mean, strong
 * and weak ties (TieFields.tsx), tie strength from the file, runs and the random seed. Every field is generated from the parameter
 * table (src/diffusion/params.ts): label, range, step, help and error are the command line's.
 */
import {
  GAMMA,
  MAX_STEPS_PARAM,
  MODEL,
  MODEL_READS,
  P,
  PHI,
  RNG_SEED,
  RUNS,
} from '../../../diffusion/params.ts';
import type { ModelName } from '../../../diffusion/types.ts';
import type { NumberParam } from '../../../util/param-spec.ts';
import { useApp } from '../../core/context.ts';
import type { ScenarioPatch } from '../../state/store.ts';
import { Select } from '../../ui/fields.tsx';
import { ParamNumber, ParamSelect } from '../../ui/ParamField.tsx';
import { t } from './messages.ts';
import { TieFields } from './TieFields.tsx';

const MODEL_PARAMS: Record<'p' | 'gamma' | 'phi', NumberParam> = { p: P, gamma: GAMMA, phi: PHI };

export function ModelPanel() {
  const { store } = useApp();
  const scenario = store.scenario.value;
  const graph = store.graph.value;
  const fileP = graph?.loaded.csr.values === 'probability';
  const fromFile = scenario.model === 'ic' && scenario.params.p === null && fileP;
  const patch = (p: ScenarioPatch) => store.patchScenario(p);
  return (
    <>
      <ParamSelect<ModelName>
        spec={MODEL}
        testid="model"
        value={scenario.model}
        onChange={(model) => patch({ model })}
      />
      <p class="help" data-testid="model-help">
        {t(fromFile ? 'model.ic.fileHelp' : `model.${scenario.model}.help`)}
      </p>
      <div class="fields">
        {MODEL_READS[scenario.model].map((name) => (
          <ParamNumber
            key={name}
            spec={MODEL_PARAMS[name]}
            id={name === 'p' ? 'p' : `param-${name}`}
            value={name === 'p' && scenario.params.p === null ? P.default : scenario.params[name]}
            disabled={name === 'p' && fromFile}
            onCommit={(value) => patch({ params: { [name]: value } })}
          />
        ))}
        <ParamNumber
          spec={MAX_STEPS_PARAM}
          id="param-maxSteps"
          value={scenario.params.maxSteps}
          onCommit={(maxSteps) => patch({ params: { maxSteps } })}
        />
      </div>
      <label class="choice" hidden={!(scenario.model === 'ic' && fileP)}>
        <input
          type="checkbox"
          data-testid="use-file-p"
          checked={fromFile}
          onChange={(e) =>
            patch({ params: { p: (e.currentTarget as HTMLInputElement).checked ? null : P.default } })
          }
        />{' '}
        {t('param.useFile')}
      </label>
      <TieFields />
      <div hidden={!(graph?.loaded.csr.values === 'weight' || scenario.edgeValues === 'ignore')}>
        <Select<'weight' | 'ignore'>
          label={t('param.ties')}
          testid="ties"
          value={scenario.edgeValues === 'ignore' ? 'ignore' : 'weight'}
          options={[
            { value: 'weight', label: t('param.ties.file') },
            { value: 'ignore', label: t('param.ties.equal') },
          ]}
          onChange={(edgeValues) => patch({ edgeValues })}
        />
      </div>
      <div class="fields">
        <ParamNumber
          spec={RUNS}
          id="runs"
          value={scenario.runs}
          onCommit={(runs) => patch({ runs: runs ?? RUNS.default })}
        />
        <ParamNumber
          spec={RNG_SEED}
          id="param-rngSeed"
          value={scenario.rngSeed}
          onCommit={(rngSeed) => patch({ rngSeed: rngSeed ?? RNG_SEED.default })}
        />
      </div>
    </>
  );
}
