/**
 * The Communities tab: Louvain communities (in a worker) with their modularity, the graph coloured
 * by community, the list of communities with sizes (click one to pick it out on the graph), the
 * per-community reach of the last run (which groups the content entered, which it never did), and
 * "one seed per community" (the best account of each of the largest communities becomes a seed).
 */

import type { MetricName } from '../../../analysis/centrality/index.ts';
import { type Communities, communityReach } from '../../../analysis/communities.ts';
import { el, labelled, select } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import type { AppContext, PanelDef } from '../../panels.ts';
import type { GraphState, RunResult } from '../../state/types.ts';
import { TaskBar } from '../../ui/task-bar.ts';
import { computeCommunities, computeHeavy, computeLight } from '../leaders/compute.ts';
import { bookOf, LIGHT } from '../leaders/metric-book.ts';
import { COLUMNS, metricLabel } from '../leaders/table.ts';
import { COMMUNITY_COLORS, communityColor, OTHER_COMMUNITY } from './palette.ts';
import { onePerCommunity } from './seeding.ts';

export const COLOR_LAYER = 'communities-color';
export const PICK_LAYER = 'communities-pick';
/** Communities listed (the rest are summed up in one line). */
export const LISTED = 30;

interface Found extends Communities {
  graph: GraphState;
  rngSeed: number;
  resolution: number;
}

function percent(x: number): string {
  return `${formatNumber(100 * x, 1)}%`;
}

function reachRows(found: Found, result: RunResult) {
  const counts = result.shard.nodeCounts;
  if (!counts) return null;
  const seeds = result.seedGroups.flatMap((g) => g.nodes);
  return communityReach(found, counts, result.shard.runCount, seeds);
}

export const communitiesPanel: PanelDef = {
  id: 'communities',
  title: 'communities.title',
  order: 60,
  mount(container, ctx: AppContext) {
    const { store } = ctx;
    const job = new TaskBar({
      testid: 'communities-job',
      cancelled: 'leaders.job.cancelled',
      error: 'leaders.job.error',
    });
    const rng = el('input', { type: 'number', step: '1', value: '1', 'data-testid': 'communities-rng' });
    const resolution = el('input', {
      type: 'number',
      min: '0.05',
      step: '0.1',
      value: '1',
      'data-testid': 'communities-resolution',
    });
    const find = el('button', { type: 'button', 'data-testid': 'communities-find' }, t('communities.find'));
    const summary = el('p', { 'data-testid': 'communities-summary' });
    const colorToggle = el('input', { type: 'checkbox', 'data-testid': 'communities-color' });
    colorToggle.checked = true;
    const list = el('tbody', { 'data-testid': 'communities-list' });
    const more = el('p', { class: 'hint' });
    const reachNote = el('p', { class: 'hint', 'data-testid': 'communities-reach-note' });
    const reachBody = el('tbody', { 'data-testid': 'communities-reach' });
    const reachTable = el(
      'table',
      { class: 'communities-table', hidden: '' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...[
            t('communities.col.community'),
            t('communities.col.size'),
            t('communities.col.seeds'),
            t('communities.col.reached'),
            t('communities.col.shareReached'),
            t('communities.col.entered'),
          ].map((text) => el('th', { scope: 'col' }, text)),
        ),
      ),
      reachBody,
    );
    const seedCount = el('input', {
      type: 'number',
      min: '1',
      max: '1000',
      value: '5',
      'data-testid': 'communities-seed-count',
    });
    const seedMetric = select(
      COLUMNS.map((m) => [m, metricLabel(m)] as [string, string]),
      'pagerank',
      { 'data-testid': 'communities-seed-metric' },
    );
    const seedButton = el(
      'button',
      { type: 'button', 'data-testid': 'communities-seed' },
      t('communities.seed.launch'),
    );
    const seedNote = el('p', { class: 'hint', role: 'status', 'data-testid': 'communities-seed-note' });

    let found: Found | null = null;
    let picked: number | null = null;

    const paint = () => {
      const view = ctx.view();
      if (!view) return;
      // Community colours only while this tab is open, so they never hide a run's reach heat map.
      const f = !container.hidden && found && found.graph === store.get().graph ? found : null;
      view.setLayer(
        COLOR_LAYER,
        f && colorToggle.checked ? (i) => ({ color: communityColor(f.community[i]) }) : null,
      );
      view.setLayer(
        PICK_LAYER,
        f && picked !== null
          ? (i) => (f.community[i] === picked ? { zIndex: 2 } : { color: OTHER_COMMUNITY, zIndex: 0 })
          : null,
      );
    };

    const showList = () => {
      const f = found;
      list.replaceChildren();
      if (!f) {
        summary.textContent = '';
        more.replaceChildren();
        return;
      }
      summary.textContent = t('communities.summary', {
        count: formatNumber(f.count),
        modularity: formatNumber(f.modularity, 4),
      });
      summary.dataset.modularity = String(f.modularity);
      summary.dataset.count = String(f.count);
      const n = f.community.length;
      for (let c = 0; c < Math.min(LISTED, f.count); c++) {
        const row = el(
          'tr',
          {
            tabindex: '0',
            'data-testid': 'community-row',
            'data-community': String(c),
            'aria-label': t('communities.highlight', { community: c + 1 }),
          },
          el(
            'td',
            {},
            el('span', { class: 'swatch', style: `background:${communityColor(c)}` }),
            ` ${c + 1}`,
          ),
          el('td', { class: 'num' }, formatNumber(f.sizes[c])),
          el('td', { class: 'num' }, percent(f.sizes[c] / n)),
        );
        if (picked === c) row.setAttribute('aria-current', 'true');
        list.append(row);
      }
      more.replaceChildren();
      if (f.count > COMMUNITY_COLORS.length)
        more.append(
          el('span', { class: 'swatch', style: `background:${OTHER_COMMUNITY}` }),
          ` ${t('communities.rest')}. `,
        );
      if (f.count > LISTED) more.append(t('communities.more', { count: formatNumber(f.count - LISTED) }));
    };

    const pick = (e: Event) => {
      const row = (e.target as HTMLElement).closest('tr');
      if (!row || row.dataset.community === undefined) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
      }
      const c = Number(row.dataset.community);
      picked = picked === c ? null : c;
      showList();
      paint();
    };
    list.addEventListener('click', pick);
    list.addEventListener('keydown', pick);

    const showReach = () => {
      const { result, graph } = store.get();
      reachBody.replaceChildren();
      reachTable.hidden = true;
      if (!found || !graph || found.graph !== graph) {
        reachNote.textContent = '';
        return;
      }
      if (!result) {
        reachNote.textContent = t('communities.reach.none');
        return;
      }
      if (result.graphSerial !== graph.serial) {
        reachNote.textContent = t('communities.reach.stale');
        return;
      }
      const rows = reachRows(found, result);
      if (!rows) {
        reachNote.textContent = t('communities.reach.none');
        return;
      }
      const entered = rows.filter((r) => r.meanReached > 0).length;
      reachNote.textContent = t('communities.reach.summary', {
        entered: formatNumber(entered),
        count: formatNumber(rows.length),
        never: formatNumber(rows.length - entered),
      });
      reachNote.dataset.entered = String(entered);
      for (const r of rows.slice(0, LISTED)) {
        const never = r.meanReached === 0;
        reachBody.append(
          el(
            'tr',
            {
              'data-testid': 'community-reach-row',
              'data-community': String(r.community),
              class: never ? 'never' : '',
            },
            el(
              'td',
              {},
              el('span', { class: 'swatch', style: `background:${communityColor(r.community)}` }),
              ` ${r.community + 1}`,
            ),
            el('td', { class: 'num' }, formatNumber(r.size)),
            el('td', { class: 'num' }, formatNumber(r.seeds)),
            el('td', { class: 'num', 'data-value': String(r.meanReached) }, formatNumber(r.meanReached, 1)),
            el('td', { class: 'num' }, never ? t('communities.reach.never') : percent(r.shareReached)),
            el('td', { class: 'num' }, percent(r.enteredAtLeast)),
          ),
        );
      }
      reachTable.hidden = false;
    };

    const show = () => {
      showList();
      showReach();
      paint();
      seedButton.disabled = !found;
    };

    const findNow = () => {
      const graph = store.get().graph;
      if (!graph || job.running) return;
      const seed = Math.floor(Number(rng.value));
      const gamma = Number(resolution.value);
      if (!Number.isFinite(seed) || !(gamma > 0)) {
        summary.textContent = Number.isFinite(seed)
          ? t('communities.badResolution')
          : t('communities.badRng');
        return;
      }
      void job
        .run(t('communities.job'), (options) =>
          computeCommunities(ctx.pool, graph.loaded.csr, seed, gamma, options),
        )
        .then((result) => {
          if (!result || store.get().graph !== graph) return;
          found = { ...result, graph, rngSeed: seed, resolution: gamma };
          picked = null;
          show();
        });
    };
    find.addEventListener('click', findNow);
    colorToggle.addEventListener('change', paint);

    seedButton.addEventListener('click', () => {
      const f = found;
      const graph = store.get().graph;
      if (!f || !graph || f.graph !== graph) return;
      const metric = seedMetric.value as MetricName;
      const book = bookOf(graph);
      const k = Math.max(1, Math.min(f.count, Math.floor(Number(seedCount.value) || 1)));
      const place = (scores: Float64Array) => {
        const nodes = onePerCommunity(f.community, scores, k);
        const ids = nodes.map((v) => graph.loaded.ids[v]);
        store.patchScenario({ seeds: { kind: 'groups', groups: [{ ids, start: 0 }] } });
        seedNote.textContent = t('communities.seed.done', { count: ids.length });
      };
      const have = book.get(metric);
      if (have) return place(have);
      if (metric === 'influence') {
        seedNote.textContent = t('leaders.agree.none');
        return;
      }
      const label = LIGHT.includes(metric)
        ? t('leaders.job.light')
        : t(`leaders.job.${metric as 'betweenness'}`);
      void job
        .run(label, (options) =>
          LIGHT.includes(metric)
            ? computeLight(ctx.pool, graph.loaded.csr, book, options)
            : computeHeavy(ctx.pool, graph.loaded.csr, metric, book, options),
        )
        .then(() => {
          const scores = book.get(metric);
          if (scores && store.get().graph === graph) place(scores);
        });
    });

    container.append(
      el('p', { class: 'hint' }, t('communities.intro')),
      el(
        'div',
        { class: 'row' },
        labelled(t('communities.rng'), rng, 'field inline'),
        labelled(t('communities.resolution'), resolution, 'field inline'),
        find,
      ),
      job.element,
      summary,
      el('label', { class: 'choice' }, colorToggle, ` ${t('communities.color')}`),
      el(
        'table',
        { class: 'communities-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, t('communities.col.community')),
            el('th', { scope: 'col' }, t('communities.col.size')),
            el('th', { scope: 'col' }, t('communities.col.share')),
          ),
        ),
        list,
      ),
      more,
      el('h3', {}, t('communities.reach.title')),
      reachNote,
      reachTable,
      el('h3', {}, t('communities.seed.title')),
      el('p', { class: 'hint' }, t('communities.seed.help')),
      el(
        'div',
        { class: 'row' },
        labelled(t('communities.seed.count'), seedCount, 'field inline'),
        labelled(t('communities.seed.metric'), seedMetric, 'field inline'),
        seedButton,
      ),
      seedNote,
    );

    const autoFind = () => {
      const graph = store.get().graph;
      if (
        !container.hidden &&
        graph &&
        (!found || found.graph !== graph) &&
        store.get().run.state !== 'running'
      )
        findNow();
    };
    store.select(
      (s) => s.graph,
      () => {
        job.cancel();
        found = null;
        picked = null;
        show();
        autoFind();
      },
    );
    store.select((s) => s.result, showReach);
    store.select((s) => s.run.state, autoFind);
    ctx.onView(() => paint());
    new MutationObserver(() => {
      autoFind();
      paint();
    }).observe(container, { attributes: true, attributeFilter: ['hidden'] });
    show();
  },
};
