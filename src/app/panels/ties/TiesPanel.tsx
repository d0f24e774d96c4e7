/**
 * The Ties tab: the Ties lens (edges coloured strong, weak, bridge; the legend on the graph) with
 * what the graph's ties are, and advice when the rule makes every tie one kind; groups files opened
 * or dropped here (unknown accounts warned, a bad line refused with the file and line); the closed
 * and open platform presets; and the removal experiment as two charts, with progress and cancel.
 */
import './ties.css';
import { useMemo } from 'preact/hooks';
import { RUNS } from '../../../diffusion/params.ts';
import { parseStrongBy } from '../../../graph/ties.ts';
import { REMOVAL_STEPS } from '../../../ties/params.ts';
import { PLATFORMS } from '../../../ties/presets.ts';
import { useApp } from '../../core/context.ts';
import { count, percent, upTo } from '../../i18n/format.ts';
import { sentences } from '../../i18n/join.ts';
import { fullWidth, lang } from '../../i18n/lang.ts';
import { noticeText } from '../../state/notice.ts';
import type { GraphState } from '../../state/types.ts';
import { fileGroups } from '../../ties/params.ts';
import { defaultTies } from '../../ties/settings.ts';
import { groupsError, groupsFile } from '../../ties/state.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { NumberInput } from '../../ui/fields.tsx';
import { parseFor, say } from '../../ui/ParamField.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { applyPreset, openGroupsFile, ruleOf, runRemoval } from './effects.ts';
import { t } from './messages.ts';
import { componentChart, reachChart } from './removal-chart.ts';
import { kinds, kindsTask, lensOn, note, removal, removalRuns, removalSteps, removalTask } from './state.ts';

export function TiesPanel() {
  const { store } = useApp();
  const graph = store.graph.value;
  const n = note.value;
  return (
    <>
      <p class="hint">{t('ties.intro')}</p>
      <Lens graph={graph} />
      <Groups graph={graph} />
      <Presets />
      {n ? (
        <p class="hint" role="status" data-testid="ties-note">
          {noticeText(n)}
        </p>
      ) : null}
      <Removal graph={graph} />
    </>
  );
}

function Lens({ graph }: { graph: GraphState | null }) {
  const app = useApp();
  const rule = ruleOf(app);
  const k = kinds.value;
  const shown = k && graph && k.graph === graph && k.strongBy === rule ? k : null;
  const parsed = parseStrongBy(rule);
  const min = !('error' in parsed) && parsed.kind === 'embeddedness' ? parsed.min : null;
  const share = (x: number) => (shown && shown.arcs > 0 ? percent(x / shown.arcs, 1) : '–');
  return (
    <section class="ties-section" aria-labelledby="ties-kinds-title">
      <h3 id="ties-kinds-title">{t('ties.kinds.title')}</h3>
      <label class="choice" title={t('ties.lens.title')}>
        <input
          type="checkbox"
          data-testid="ties-lens"
          checked={lensOn.value}
          onChange={(e) => {
            lensOn.value = (e.currentTarget as HTMLInputElement).checked;
          }}
        />{' '}
        {t('ties.lens')}
      </label>
      <TaskBar
        task={kindsTask}
        testid="ties-kinds-task"
        cancelled={() => t('ties.kinds.cancelled')}
        failed={(message) => t('ties.kinds.failed', { message })}
      />
      {shown ? (
        <>
          <p class="hint" data-testid="ties-rule">
            {sentences(
              min === null
                ? t('ties.kinds.rule.mutual')
                : t('ties.kinds.rule.embeddedness', { min: percent(min, 0) }),
              t('ties.kinds.mutualPairs', { pairs: shown.mutualPairs }),
            )}
          </p>
          <dl class="numbers" data-testid="ties-kinds" data-strong={shown.strong} data-weak={shown.weak}>
            <dt>{t('ties.kinds.strong')}</dt>
            <dd data-testid="ties-strong">
              {t('ties.kinds.arcs', { count: shown.strong, share: share(shown.strong) })}
            </dd>
            <dt>{t('ties.kinds.weak')}</dt>
            <dd data-testid="ties-weak">
              {t('ties.kinds.arcs', { count: shown.weak, share: share(shown.weak) })}
            </dd>
            <dt>{t('ties.kinds.bridges')}</dt>
            <dd data-testid="ties-bridges">
              {t('ties.kinds.bridgesValue', {
                between: shown.between,
                communities: shown.communities,
                weak: count(shown.weakBetween),
                splitting: shown.splitting,
              })}
            </dd>
          </dl>
          {shown.note ? (
            <div class="ties-advice" data-testid="ties-advice" data-note={shown.note}>
              <p>{t(shown.note === 'noMutual' ? 'ties.note.noMutual' : 'ties.note.undirected')}</p>
              <button
                type="button"
                data-testid="ties-use-embeddedness"
                onClick={() => {
                  const ties = app.store.scenario.peek().ties ?? defaultTies();
                  app.store.patchScenario({ ties: { ...ties, strongBy: 'embeddedness:0.1' } });
                }}
              >
                {t('ties.note.useEmbeddedness')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function Groups({ graph }: { graph: GraphState | null }) {
  const app = useApp();
  const file = groupsFile.value;
  const error = groupsError.value;
  const scenario = app.store.scenario.value;
  const named = scenario.ties?.groups.kind === 'file' ? scenario.ties.groups.name : null;
  let status: string;
  let unknown: string | null = null;
  let parsed: ReturnType<typeof fileGroups> | null = null;
  if (file && graph) {
    try {
      parsed = fileGroups(file, graph);
    } catch {
      parsed = null;
    }
  }
  if (parsed && file) {
    const members = parsed.groups.reduce((sum, g) => sum + g.length, 0);
    status = t('ties.groups.loaded', { name: file.name, groups: parsed.groups.length, members });
    const u = parsed.unknown;
    if (u.count > 0) {
      // Ids are data: listed as they are, with the language's list separator.
      const names = u.first.join(fullWidth() ? '、' : ', ');
      const more = u.count > u.first.length ? t('ties.groups.more', { count: u.count - u.first.length }) : '';
      unknown = t('ties.groups.unknown', { count: u.count, names, more });
    }
  } else if (named && file?.name !== named) status = t('ties.groups.needed', { name: named });
  else status = t('ties.groups.none');
  return (
    <section class="ties-section" aria-labelledby="ties-groups-title">
      <h3 id="ties-groups-title">{t('ties.groups.title')}</h3>
      <p class="hint">{t('ties.groups.intro')}</p>
      <FileDrop
        class="ties-drop"
        choose={t('ties.groups.choose')}
        hint={t('ties.groups.drop')}
        accept=".csv,.txt,.tsv,text/csv,text/plain"
        testid="ties-groups-drop"
        inputTestid="ties-groups-input"
        onFile={(f) => void openGroupsFile(app, f)}
      />
      <p
        class="hint"
        data-testid="ties-groups-status"
        data-needed={named && file?.name !== named ? named : undefined}
      >
        {status}
      </p>
      {unknown ? (
        <p
          class="ties-warning"
          role="status"
          data-testid="ties-groups-unknown"
          data-count={parsed?.unknown.count}
        >
          {unknown}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert" data-testid="ties-groups-error">
          {noticeText(error)}
        </p>
      ) : null}
      <button
        type="button"
        data-testid="ties-use-communities"
        onClick={() => {
          const ties = app.store.scenario.peek().ties ?? defaultTies();
          app.store.patchScenario({ model: 'ic', ties: { ...ties, groups: { kind: 'communities' } } });
          note.value = { say: () => t('ties.groups.communitiesUsed') };
        }}
      >
        {t('ties.groups.useCommunities')}
      </button>
      {named ? (
        <p class="hint" data-testid="ties-groups-link-note">
          {t('ties.groups.linkNote')}
        </p>
      ) : null}
    </section>
  );
}

function Presets() {
  const app = useApp();
  return (
    <section class="ties-section" aria-labelledby="ties-presets-title">
      <h3 id="ties-presets-title">{t('ties.presets.title')}</h3>
      {PLATFORMS.map((platform) => (
        <div class="ties-preset" key={platform}>
          <button
            type="button"
            data-testid={`ties-preset-${platform}`}
            onClick={() => applyPreset(app, platform)}
          >
            {t(`ties.presets.${platform}`)}
          </button>
          <p class="hint">{t(`ties.presets.${platform}Help`)}</p>
        </div>
      ))}
      <p class="hint">{t('ties.presets.compare')}</p>
    </section>
  );
}

function Removal({ graph }: { graph: GraphState | null }) {
  const app = useApp();
  const shown = removal.value;
  const current = shown && graph && shown.graph === graph ? shown : null;
  const language = lang.value;
  const component = useMemo(() => (current ? componentChart(current.result) : null), [current, language]);
  const reach = useMemo(() => (current ? reachChart(current.result) : null), [current, language]);
  const running = removalTask.state.value === 'running';
  return (
    <section class="ties-section" aria-labelledby="ties-removal-title">
      <h3 id="ties-removal-title">{t('ties.removal.title')}</h3>
      <p class="hint">{t('ties.removal.intro')}</p>
      <div class="fields">
        <NumberInput
          label={t('ties.removal.steps')}
          title={say(REMOVAL_STEPS.help)}
          testid="ties-removal-steps"
          value={removalSteps.value}
          min={REMOVAL_STEPS.min ?? undefined}
          max={REMOVAL_STEPS.max ?? undefined}
          step="1"
          parse={(text) => parseFor(REMOVAL_STEPS, text)}
          onCommit={(v) => {
            removalSteps.value = v ?? REMOVAL_STEPS.default;
          }}
        />
        <NumberInput
          label={t('ties.removal.runs')}
          title={say(RUNS.help)}
          testid="ties-removal-runs"
          value={removalRuns.value}
          min={1}
          max={RUNS.max ?? undefined}
          step="50"
          parse={(text) => parseFor(RUNS, text)}
          onCommit={(v) => {
            removalRuns.value = v ?? removalRuns.peek();
          }}
        />
      </div>
      <button
        type="button"
        data-testid="ties-removal-run"
        disabled={!graph || running}
        onClick={() => void runRemoval(app)}
      >
        {t('ties.removal.run')}
      </button>
      <TaskBar
        task={removalTask}
        testid="ties-removal-task"
        cancelled={() => t('ties.removal.cancelled')}
        failed={(message) => t('ties.removal.failed', { message })}
      />
      {current && component && reach ? (
        <>
          <p class="hint" data-testid="ties-removal-about">
            {current.seeds.kind === 'groups'
              ? t('ties.removal.about.seeds', {
                  ties: current.result.ties,
                  p: upTo(current.p, 6),
                  seeds: current.seeds.count,
                  runs: current.runs,
                })
              : t('ties.removal.about.random', {
                  ties: current.result.ties,
                  p: upTo(current.p, 6),
                  k: current.seeds.k,
                  runs: current.runs,
                })}
          </p>
          <div class="figures">
            <ChartBox
              testid="ties-removal-component"
              title={t('ties.removal.component')}
              config={component}
            />
            <ChartBox testid="ties-removal-reach" title={t('ties.removal.reach')} config={reach} />
          </div>
        </>
      ) : null}
    </section>
  );
}
