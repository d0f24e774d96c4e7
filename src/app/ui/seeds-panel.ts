/**
 * The Seeds tab: find an account, add the top K by a metric, seed groups with their own start
 * step (same step = synchronous launch, different steps = staggered), remove, clear. Clicking a
 * node on the graph toggles it in the active group.
 */

import type { ScenarioSeedGroup } from '../../engine/scenario.ts';
import { el, labelled, select } from '../dom.ts';
import { formatNumber, t } from '../i18n.ts';
import type { AppContext, PanelDef } from '../panels.ts';
import { addSeeds, groupsOf, type SeedMetric, toggleSeed, topBy } from '../seeds.ts';
import type { GraphState } from '../store.ts';
import { seedGroupColor } from '../view/palette.ts';

let active = 0;

/** The group that clicks and searches add to. */
export function activeSeedGroup(): number {
  return active;
}

/** Toggle node index as a seed of the active group. */
export function toggleSeedAt(ctx: AppContext, index: number): void {
  const { graph, scenario } = ctx.store.get();
  if (!graph) return;
  ctx.store.patchScenario({ seeds: toggleSeed(scenario.seeds, graph.loaded.ids[index], active) });
}

/** Node index for a search: exact id, then exact label (any case), then a label containing it. */
export function findNode(graph: GraphState, query: string): number | null {
  const q = query.trim();
  if (q === '') return null;
  const byId = graph.index.get(q);
  if (byId !== undefined) return byId;
  const labels = graph.loaded.labels;
  if (!labels) return null;
  const lower = q.toLowerCase();
  let partial: number | null = null;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]?.toLowerCase();
    if (l === undefined) continue;
    if (l === lower) return i;
    if (partial === null && l.includes(lower)) partial = i;
  }
  return partial;
}

export const seedsPanel: PanelDef = {
  id: 'seeds',
  title: 'tab.seeds',
  order: 20,
  mount(container, ctx) {
    const { store } = ctx;
    const search = el('input', { type: 'search', 'data-testid': 'seed-search', autocomplete: 'off' });
    const searchButton = el(
      'button',
      { type: 'button', 'data-testid': 'seed-search-add' },
      t('seeds.searchButton'),
    );
    const searchNote = el('p', { class: 'hint', role: 'status' });
    const k = el('input', { type: 'number', min: '1', max: '1000', value: '5', 'data-testid': 'seed-k' });
    const metric = select(
      [
        ['pagerank', t('seeds.by.pagerank')],
        ['degree', t('seeds.by.degree')],
        ['indegree', t('seeds.by.indegree')],
      ],
      'pagerank',
      { 'data-testid': 'seed-metric' },
    );
    const addTop = el('button', { type: 'button', 'data-testid': 'seed-top-add' }, t('seeds.add'));
    const clear = el('button', { type: 'button', 'data-testid': 'seed-clear' }, t('seeds.clear'));
    const newGroup = el('button', { type: 'button', 'data-testid': 'seed-new-group' }, t('seeds.addGroup'));
    const groupsBox = el('div', { class: 'groups', 'data-testid': 'seed-groups' });
    const count = el('p', { class: 'hint', 'data-testid': 'seed-count' });
    const randomOn = el('input', { type: 'checkbox', 'data-testid': 'seed-random' });
    const randomK = el('input', { type: 'number', min: '1', value: '5', 'data-testid': 'seed-random-k' });
    /** The chosen groups, kept while random seeds are in use so unticking restores them. */
    let chosen: ScenarioSeedGroup[] = [];
    const applyRandom = () => {
      const { scenario, graph } = store.get();
      const max = graph?.loaded.csr.n ?? 1;
      const k = Math.min(max, Math.max(1, Math.floor(Number(randomK.value) || 1)));
      if (randomOn.checked) {
        if (scenario.seeds.kind === 'groups') chosen = scenario.seeds.groups;
        store.patchScenario({ seeds: { kind: 'random', k } });
      } else if (scenario.seeds.kind === 'random') {
        store.patchScenario({
          seeds: { kind: 'groups', groups: chosen.length > 0 ? chosen : [{ ids: [], start: 0 }] },
        });
      }
    };
    randomOn.addEventListener('change', applyRandom);
    randomK.addEventListener('change', applyRandom);

    const addById = () => {
      const graph = store.get().graph;
      if (!graph) return;
      const v = findNode(graph, search.value);
      if (v === null) {
        searchNote.textContent = t('seeds.noMatch', { query: search.value });
        return;
      }
      searchNote.textContent = '';
      store.patchScenario({ seeds: addSeeds(store.get().scenario.seeds, [graph.loaded.ids[v]], active) });
      ctx.view()?.focus(v);
      search.value = '';
    };
    searchButton.addEventListener('click', addById);
    search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        addById();
      }
    });
    addTop.addEventListener('click', () => {
      const graph = store.get().graph;
      if (!graph) return;
      const top = topBy(
        graph.facts,
        metric.value as SeedMetric,
        Math.max(1, Math.floor(Number(k.value) || 1)),
      );
      const ids = top.map((v) => graph.loaded.ids[v]);
      store.patchScenario({ seeds: addSeeds(store.get().scenario.seeds, ids, active) });
    });
    clear.addEventListener('click', () => {
      active = 0;
      store.patchScenario({ seeds: { kind: 'groups', groups: [{ ids: [], start: 0 }] } });
    });
    newGroup.addEventListener('click', () => {
      const groups = groupsOf(store.get().scenario.seeds);
      const last = groups[groups.length - 1];
      active = groups.length;
      store.patchScenario({
        seeds: { kind: 'groups', groups: [...groups, { ids: [], start: last ? last.start + 1 : 0 }] },
      });
    });

    const render = () => {
      const { scenario, graph } = store.get();
      const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focus;
      groupsBox.replaceChildren();
      const groups = groupsOf(scenario.seeds);
      if (active >= Math.max(1, groups.length)) active = Math.max(0, groups.length - 1);
      let total = 0;
      groups.forEach((g, gi) => {
        total += g.ids.length;
        const box = el('fieldset', { class: 'group', 'data-testid': `seed-group-${gi}` });
        const radio = el('input', { type: 'radio', name: 'active-group', 'data-focus': `active-${gi}` });
        radio.checked = gi === active;
        radio.addEventListener('change', () => {
          active = gi;
        });
        box.style.borderLeft = `4px solid ${seedGroupColor(gi)}`;
        box.append(
          el('legend', {}, t('seeds.group', { index: gi + 1 })),
          el(
            'label',
            { class: 'choice' },
            radio,
            ` ${t('seeds.active')} ${t('seeds.group', { index: gi + 1 })}`,
          ),
        );
        const start = el('input', {
          type: 'number',
          min: '0',
          step: '1',
          value: String(g.start),
          'data-focus': `start-${gi}`,
          'data-testid': `seed-start-${gi}`,
        });
        start.addEventListener('change', () => {
          const value = Math.max(0, Math.floor(Number(start.value) || 0));
          const next = groupsOf(store.get().scenario.seeds).map((x, i) =>
            i === gi ? { ...x, start: value } : x,
          );
          store.patchScenario({ seeds: { kind: 'groups', groups: next } });
        });
        box.append(labelled(t('seeds.groupStart'), start));
        const list = el('ul', { class: 'chips' });
        for (const id of g.ids) {
          const v = graph?.index.get(id);
          const label = v !== undefined ? (graph?.loaded.labels?.[v] ?? id) : id;
          const remove = el(
            'button',
            {
              type: 'button',
              class: 'chip',
              style: `border-color:${seedGroupColor(gi)}`,
              'aria-label': t('seeds.remove', { id: label }),
              'data-focus': `chip-${gi}-${id}`,
            },
            `${label} ×`,
          );
          remove.addEventListener('click', () => {
            store.patchScenario({ seeds: toggleSeed(store.get().scenario.seeds, id, gi) });
          });
          list.append(el('li', {}, remove));
        }
        box.append(list);
        if (groups.length > 1) {
          const drop = el('button', { type: 'button', 'data-focus': `drop-${gi}` }, t('seeds.removeGroup'));
          drop.addEventListener('click', () => {
            const next = groupsOf(store.get().scenario.seeds).filter((_, i) => i !== gi);
            if (active >= next.length) active = Math.max(0, next.length - 1);
            store.patchScenario({ seeds: { kind: 'groups', groups: next } });
          });
          box.append(drop);
        }
        groupsBox.append(box);
      });
      if (scenario.seeds.kind === 'random')
        groupsBox.append(el('p', {}, `${t('seeds.random')}: ${scenario.seeds.k}`));
      else if (total === 0) groupsBox.append(el('p', { class: 'hint' }, t('seeds.empty')));
      count.textContent = t('seeds.count', { count: formatNumber(total), groups: groups.length });
      metric
        .querySelector<HTMLOptionElement>('option[value=pagerank]')
        ?.toggleAttribute('disabled', !graph?.facts.pagerank);
      if (focusKey) groupsBox.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
    };
    store.select((s) => s.scenario.seeds, render);
    store.select((s) => s.graph, render);
    render();

    container.append(
      labelled(t('seeds.search'), search),
      searchButton,
      searchNote,
      el(
        'div',
        { class: 'row' },
        labelled(t('seeds.topK'), k, 'field inline'),
        labelled(t('seeds.by'), metric, 'field inline'),
        addTop,
      ),
      count,
      groupsBox,
      el('p', { class: 'hint' }, t('seeds.launch.help')),
      el('div', { class: 'row' }, newGroup, clear),
      el('label', { class: 'choice' }, randomOn, ` ${t('seeds.randomUse')}`),
      labelled(t('seeds.randomK'), randomK),
    );
  },
};
