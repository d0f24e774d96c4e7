/**
 * The Seeds tab: find accounts, add the top K by a metric, seed groups with their own start
 * step (same step = synchronous launch, different steps = staggered), remove, clear, or random
 * seeds drawn afresh in every run. Clicking an account on the graph toggles it in the active group.
 */
import { useState } from 'preact/hooks';
import { useApp } from '../../core/context.ts';
import { addSeeds, allSeedIds, groupsOf, type SeedMetric, toggleSeed, topBy } from '../../seeds/seeds.ts';
import { activeGroup, findNodes, keptGroups } from '../../seeds/state.ts';
import { Select } from '../../ui/fields.tsx';
import { seedGroupColor } from '../../view/palette.ts';
import { t } from './messages.ts';

export function SeedsPanel() {
  const { store, view } = useApp();
  const [query, setQuery] = useState('');
  const [note, setNote] = useState('');
  const [k, setK] = useState(5);
  const [metric, setMetric] = useState<SeedMetric>('pagerank');
  const [randomK, setRandomK] = useState(5);
  const graph = store.graph.value;
  const seeds = store.scenario.value.seeds;
  const groups = groupsOf(seeds);
  const active = Math.min(activeGroup.value, Math.max(0, groups.length - 1));
  const total = groups.reduce((s, g) => s + g.ids.length, 0);

  const addByQuery = () => {
    if (!graph) return;
    const { found, missing } = findNodes(graph, query);
    const present = allSeedIds(seeds);
    const ids = found.map((v) => graph.loaded.ids[v]);
    const repeated = ids.filter((id) => present.has(id));
    const notes: string[] = [];
    if (missing.length > 0) notes.push(t('seeds.noMatch', { query: missing.join(', ') }));
    if (repeated.length > 0) notes.push(t('seeds.duplicate', { ids: repeated.join(', ') }));
    setNote(notes.join(' '));
    if (found.length === 0) return;
    store.patchScenario({ seeds: addSeeds(seeds, ids, active) });
    view.value?.focus(found[found.length - 1]);
    if (missing.length === 0) setQuery('');
  };

  const setGroups = (next: typeof groups) => store.patchScenario({ seeds: { kind: 'groups', groups: next } });
  const random = seeds.kind === 'random';
  const applyRandom = (on: boolean, count: number) => {
    const max = graph?.loaded.csr.n ?? 1;
    const kk = Math.min(max, Math.max(1, Math.floor(count) || 1));
    if (on) {
      if (seeds.kind === 'groups') keptGroups.value = seeds.groups;
      store.patchScenario({ seeds: { kind: 'random', k: kk } });
    } else if (seeds.kind === 'random') {
      setGroups(keptGroups.value.length > 0 ? keptGroups.value : [{ ids: [], start: 0 }]);
    }
  };

  return (
    <>
      <label class="field" for="seed-search">
        <span>{t('seeds.search')}</span>
        <input
          id="seed-search"
          type="search"
          data-testid="seed-search"
          autocomplete="off"
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addByQuery();
            }
          }}
        />
      </label>
      <button type="button" data-testid="seed-search-add" onClick={addByQuery}>
        {t('seeds.searchButton')}
      </button>
      <p class="hint" role="status" data-testid="seed-search-note">
        {note}
      </p>
      <div class="row">
        <label class="field inline" for="seed-k">
          <span>{t('seeds.topK')}</span>
          <input
            id="seed-k"
            type="number"
            min={1}
            max={1000}
            data-testid="seed-k"
            value={k}
            onChange={(e) =>
              setK(Math.max(1, Math.floor(Number((e.currentTarget as HTMLInputElement).value) || 1)))
            }
          />
        </label>
        <Select<SeedMetric>
          inline
          label={t('seeds.by')}
          testid="seed-metric"
          value={metric}
          onChange={setMetric}
          options={[
            { value: 'pagerank', label: t('seeds.by.pagerank'), disabled: !graph?.facts.pagerank },
            { value: 'degree', label: t('seeds.by.degree') },
            { value: 'indegree', label: t('seeds.by.indegree') },
          ]}
        />
        <button
          type="button"
          data-testid="seed-top-add"
          onClick={() => {
            if (!graph) return;
            const ids = topBy(graph.facts, metric, k).map((v) => graph.loaded.ids[v]);
            store.patchScenario({ seeds: addSeeds(seeds, ids, active) });
          }}
        >
          {t('seeds.add')}
        </button>
      </div>
      <p class="hint" data-testid="seed-count">
        {t('seeds.count', { count: total, groups: groups.length })}
      </p>
      <div class="groups" data-testid="seed-groups">
        {groups.map((g, gi) => (
          <fieldset
            class="group"
            key={gi}
            data-testid={`seed-group-${gi}`}
            style={{ borderLeft: `4px solid ${seedGroupColor(gi)}` }}
          >
            <legend>{t('seeds.group', { index: gi + 1 })}</legend>
            <label class="choice">
              <input
                type="radio"
                name="active-group"
                checked={gi === active}
                onChange={() => {
                  activeGroup.value = gi;
                }}
              />{' '}
              {t('seeds.active')} {t('seeds.group', { index: gi + 1 })}
            </label>
            <label class="field">
              <span>{t('seeds.groupStart')}</span>
              <input
                type="number"
                min={0}
                step={1}
                value={g.start}
                data-testid={`seed-start-${gi}`}
                onChange={(e) => {
                  const start = Math.max(
                    0,
                    Math.floor(Number((e.currentTarget as HTMLInputElement).value) || 0),
                  );
                  setGroups(groups.map((x, i) => (i === gi ? { ...x, start } : x)));
                }}
              />
            </label>
            <ul class="chips">
              {g.ids.map((id) => {
                const v = graph?.index.get(id);
                const label = v !== undefined ? (graph?.loaded.labels?.[v] ?? id) : id;
                return (
                  <li key={id}>
                    <button
                      type="button"
                      class="chip"
                      style={{ borderColor: seedGroupColor(gi) }}
                      aria-label={t('seeds.remove', { id: label })}
                      onClick={() => store.patchScenario({ seeds: toggleSeed(seeds, id, gi) })}
                    >
                      {label} ×
                    </button>
                  </li>
                );
              })}
            </ul>
            {groups.length > 1 ? (
              <button
                type="button"
                onClick={() => {
                  const next = groups.filter((_, i) => i !== gi);
                  if (activeGroup.value >= next.length) activeGroup.value = Math.max(0, next.length - 1);
                  setGroups(next);
                }}
              >
                {t('seeds.removeGroup')}
              </button>
            ) : null}
          </fieldset>
        ))}
        {random ? (
          <p>
            {t('seeds.random')}: {seeds.k}
          </p>
        ) : total === 0 ? (
          <p class="hint">{t('seeds.empty')}</p>
        ) : null}
      </div>
      <p class="hint">{t('seeds.launch.help')}</p>
      <div class="row">
        <button
          type="button"
          data-testid="seed-new-group"
          onClick={() => {
            const last = groups[groups.length - 1];
            activeGroup.value = groups.length;
            setGroups([...groups, { ids: [], start: last ? last.start + 1 : 0 }]);
          }}
        >
          {t('seeds.addGroup')}
        </button>
        <button
          type="button"
          data-testid="seed-clear"
          onClick={() => {
            activeGroup.value = 0;
            setGroups([{ ids: [], start: 0 }]);
          }}
        >
          {t('seeds.clear')}
        </button>
      </div>
      <label class="choice">
        <input
          type="checkbox"
          data-testid="seed-random"
          checked={random}
          onChange={(e) => applyRandom((e.currentTarget as HTMLInputElement).checked, randomK)}
        />{' '}
        {t('seeds.randomUse')}
      </label>
      <label class="field">
        <span>{t('seeds.randomK')}</span>
        <input
          type="number"
          min={1}
          data-testid="seed-random-k"
          value={random ? seeds.k : randomK}
          onChange={(e) => {
            const value = Number((e.currentTarget as HTMLInputElement).value);
            setRandomK(value);
            applyRandom(random, value);
          }}
        />
      </label>
    </>
  );
}
