/**
 * The Model tab's strong and weak ties (src/ties, docs/models.md "Strong and weak ties"): a tick
 * turns tie-aware diffusion on, then the rule that tells strong ties from weak ones and, for ic,
 * the probability on each kind and the groups (none, the communities, or the groups file opened in
 * the Ties tab) with their probability; for threshold, "count strong ties only". Labels, ranges and
 * help come from the parameter table (src/ties/params.ts); an empty probability is the value of p.
 */

import type { ScenarioGroups, ScenarioTies } from '../../../engine/scenario.ts';
import { hasMutualArc, parseStrongBy } from '../../../graph/ties.ts';
import {
  EMBEDDEDNESS,
  GROUPS,
  P_GROUP,
  P_STRONG,
  P_WEAK,
  STRONG_BY,
  STRONG_ONLY,
} from '../../../ties/params.ts';
import { adapt } from '../../../util/param-spec.ts';
import { useApp } from '../../core/context.ts';
import type { GraphState } from '../../state/types.ts';
import { defaultTies, presetOf, tiesApply } from '../../ties/settings.ts';
import { groupsFile } from '../../ties/state.ts';
import { NumberInput, Select } from '../../ui/fields.tsx';
import { ParamNumber, parseFor, say } from '../../ui/ParamField.tsx';
import { t } from './messages.ts';

type GroupsKind = ScenarioGroups['kind'];

/** In the form an empty probability reads "the value of p" (the table says --p, for the command line). */
const ORP = { absent: { en: 'the value of p', zh: '取 p 的值' } };
const FIELDS = { pStrong: adapt(P_STRONG, ORP), pWeak: adapt(P_WEAK, ORP), pGroup: adapt(P_GROUP, ORP) };

const mutualByGraph = new WeakMap<GraphState, boolean>();

/** Whether the graph has a reciprocated arc, found once per graph. */
function mutualOf(graph: GraphState): boolean {
  let found = mutualByGraph.get(graph);
  if (found === undefined) {
    found = hasMutualArc(graph.loaded.csr);
    mutualByGraph.set(graph, found);
  }
  return found;
}

export function TieFields() {
  const { store } = useApp();
  const scenario = store.scenario.value;
  const ties = scenario.ties;
  const applies = tiesApply(scenario.model);
  const set = (patch: Partial<ScenarioTies>) =>
    store.patchScenario({ ties: { ...(ties ?? defaultTies()), ...patch } });
  const preset = presetOf(ties);
  const rule = ties ? parseStrongBy(ties.strongBy) : null;
  const embedded = rule && !('error' in rule) && rule.kind === 'embeddedness' ? rule.min : null;
  const file = groupsFile.value;
  const fileName = ties?.groups.kind === 'file' ? ties.groups.name : (file?.name ?? null);
  const graph = store.graph.value;
  // Every tie weak under mutual: say so and offer embeddedness, as `ripple simulate` warns.
  const noMutual = ties !== undefined && embedded === null && graph !== null && !mutualOf(graph);
  return (
    <fieldset class="ties-fields" data-testid="ties-fields">
      <legend>{t('modelTies.legend')}</legend>
      <label class="choice">
        <input
          type="checkbox"
          data-testid="ties-on"
          checked={ties !== undefined}
          disabled={!applies && ties === undefined}
          onChange={(e) =>
            store.patchScenario({
              ties: (e.currentTarget as HTMLInputElement).checked ? defaultTies() : undefined,
            })
          }
        />{' '}
        {t('modelTies.on')}
      </label>
      <p class="help" data-testid="ties-help">
        {!applies
          ? t('modelTies.onlyIcThreshold')
          : !ties
            ? t('modelTies.offHelp')
            : preset
              ? t(`modelTies.preset.${preset}`)
              : scenario.model === 'ic'
                ? t('modelTies.icHelp')
                : t('modelTies.thresholdHelp')}
      </p>
      {ties && applies ? (
        <>
          <div class="fields">
            <Select<'mutual' | 'embeddedness'>
              label={say(STRONG_BY.label)}
              testid="param-strongBy"
              value={embedded === null ? 'mutual' : 'embeddedness'}
              options={[
                { value: 'mutual', label: t('modelTies.rule.mutual') },
                { value: 'embeddedness', label: t('modelTies.rule.embeddedness') },
              ]}
              onChange={(kind) =>
                set({ strongBy: kind === 'mutual' ? 'mutual' : `embeddedness:${EMBEDDEDNESS.default}` })
              }
            />
            {embedded !== null ? (
              <NumberInput
                label={say(EMBEDDEDNESS.label)}
                title={say(EMBEDDEDNESS.help)}
                testid="param-embeddedness"
                value={embedded}
                min={0}
                max={1}
                step={String(EMBEDDEDNESS.step)}
                parse={(text) => {
                  const parsed = parseFor(EMBEDDEDNESS, text);
                  return 'value' in parsed && parsed.value === null
                    ? { error: say(EMBEDDEDNESS.help) }
                    : parsed;
                }}
                onCommit={(x) => set({ strongBy: `embeddedness:${x ?? EMBEDDEDNESS.default}` })}
              />
            ) : null}
          </div>
          {noMutual ? (
            <p class="help" data-testid="ties-no-mutual">
              {t('modelTies.noMutual')}{' '}
              <button
                type="button"
                data-testid="ties-no-mutual-embeddedness"
                onClick={() => set({ strongBy: `embeddedness:${EMBEDDEDNESS.default}` })}
              >
                {t('modelTies.useEmbeddedness')}
              </button>
            </p>
          ) : null}
          {scenario.model === 'ic' ? (
            <>
              <div class="fields">
                <ParamNumber
                  spec={FIELDS.pStrong}
                  value={ties.pStrong}
                  onCommit={(pStrong) => set({ pStrong })}
                />
                <ParamNumber spec={FIELDS.pWeak} value={ties.pWeak} onCommit={(pWeak) => set({ pWeak })} />
              </div>
              <div class="fields">
                <Select<GroupsKind>
                  label={say(GROUPS.label)}
                  testid="param-groups"
                  value={ties.groups.kind}
                  options={[
                    { value: 'none', label: t('modelTies.groups.none') },
                    { value: 'communities', label: t('modelTies.groups.communities') },
                    {
                      value: 'file',
                      label: fileName
                        ? t('modelTies.groups.file', { name: fileName })
                        : t('modelTies.groups.noFile'),
                      disabled: fileName === null,
                    },
                  ]}
                  onChange={(kind) =>
                    set({
                      groups:
                        kind === 'file' && fileName
                          ? { kind, name: fileName }
                          : ({ kind: kind === 'file' ? 'none' : kind } as ScenarioGroups),
                    })
                  }
                />
                {ties.groups.kind !== 'none' ? (
                  <ParamNumber
                    spec={FIELDS.pGroup}
                    value={ties.pGroup}
                    onCommit={(pGroup) => set({ pGroup })}
                  />
                ) : null}
              </div>
            </>
          ) : (
            <label class="choice" title={say(STRONG_ONLY.help)}>
              <input
                type="checkbox"
                data-testid="param-strongOnly"
                checked={ties.strongOnly}
                onChange={(e) => set({ strongOnly: (e.currentTarget as HTMLInputElement).checked })}
              />{' '}
              {say(STRONG_ONLY.label)}
            </label>
          )}
        </>
      ) : null}
    </fieldset>
  );
}
