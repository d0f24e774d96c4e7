/**
 * The Communities tab: Louvain communities (in the workers) with their modularity, the graph
 * coloured by community while the tab is open (a colour each, named in the legend), the list of
 * communities with sizes (click one to pick it out on the graph), the per-community reach of the
 * last run (which groups the content entered, which it never did), and "one seed per community"
 * (the best account of each of the largest communities becomes a seed).
 */
import '../leaders/leaders.css';
import { useMemo } from 'preact/hooks';
import type { MetricName } from '../../../analysis/centrality/index.ts';
import { communityReach } from '../../../analysis/communities.ts';
import { RESOLUTION } from '../../../analysis/communities-params.ts';
import { RNG_SEED } from '../../../diffusion/params.ts';
import { useApp } from '../../core/context.ts';
import { fixed, percent } from '../../i18n/format.ts';
import { noticeText } from '../../state/notice.ts';
import { NumberInput, type Parsed, Select } from '../../ui/fields.tsx';
import { ParamNumber } from '../../ui/ParamField.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { metricLabel } from '../leaders/labels.ts';
import { metricsFor } from '../leaders/metric-book.ts';
import { findCommunities, seedPerCommunity } from './effects.ts';
import { t } from './messages.ts';
import { communityColor } from './palette.ts';
import {
  colorOn,
  found,
  picked,
  resolution,
  rngSeed,
  seedCount,
  seedMetric,
  seedNote,
  task,
} from './state.ts';

/** Communities listed (the rest are counted in one line). */
export const LISTED = 30;

const wholeNumber =
  (error: () => string, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY) =>
  (text: string): Parsed => {
    const value = Number(text);
    return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
      ? { value }
      : { error: error() };
  };

function Swatch({ community }: { community: number }) {
  return <span class="swatch" style={{ background: communityColor(community) }} />;
}

export function CommunitiesPanel() {
  const app = useApp();
  const { store } = app;
  const graph = store.graph.value;
  const f0 = found.value;
  const f = f0 && graph && f0.graph === graph ? f0 : null;
  const result = store.result.value;
  const p = picked.value;
  const running = task.state.value === 'running';

  const reach = useMemo(() => {
    if (!f || !result || !graph || result.graphSerial !== graph.serial || !result.shard.nodeCounts)
      return null;
    const seeds = result.seedGroups.flatMap((g) => g.nodes);
    return communityReach(f, result.shard.nodeCounts, result.shard.runCount, seeds);
  }, [f, result, graph]);

  let reachNote = '';
  if (f) {
    if (reach) {
      const entered = reach.filter((r) => r.meanReached > 0).length;
      reachNote = t('communities.reach.summary', {
        entered,
        count: reach.length,
        never: reach.length - entered,
      });
    } else if (result && graph && result.graphSerial !== graph.serial)
      reachNote = t('communities.reach.stale');
    else reachNote = t('communities.reach.none');
  }
  const n = graph?.loaded.csr.n ?? 0;
  const pick = (c: number) => {
    picked.value = picked.value === c ? null : c;
  };

  return (
    <>
      <p class="hint">{t('communities.intro')}</p>
      <div class="row">
        <ParamNumber
          inline
          spec={RNG_SEED}
          testid="communities-rng"
          value={rngSeed.value}
          onCommit={(value) => {
            if (value !== null) rngSeed.value = value;
          }}
        />
        <ParamNumber
          inline
          spec={RESOLUTION}
          testid="communities-resolution"
          value={resolution.value}
          onCommit={(value) => {
            if (value !== null) resolution.value = value;
          }}
        />
        <button
          type="button"
          data-testid="communities-find"
          disabled={!graph || running}
          onClick={() => findCommunities(app)}
        >
          {t('communities.find')}
        </button>
      </div>
      <TaskBar
        task={task}
        testid="communities-job"
        cancelled={() => t('communities.job.cancelled')}
        failed={(message) => t('communities.job.error', { message })}
      />
      <p
        data-testid="communities-summary"
        data-modularity={f ? String(f.modularity) : undefined}
        data-count={f ? String(f.count) : undefined}
      >
        {f ? t('communities.summary', { count: f.count, modularity: fixed(f.modularity, 4) }) : ''}
      </p>
      <label class="choice">
        <input
          type="checkbox"
          data-testid="communities-color"
          checked={colorOn.value}
          onChange={(e) => {
            colorOn.value = (e.currentTarget as HTMLInputElement).checked;
          }}
        />{' '}
        {t('communities.color')}
      </label>
      <table class="communities-table">
        <thead>
          <tr>
            <th scope="col">{t('communities.col.community')}</th>
            <th scope="col" class="num">
              {t('communities.col.size')}
            </th>
            <th scope="col" class="num">
              {t('communities.col.share')}
            </th>
          </tr>
        </thead>
        <tbody data-testid="communities-list">
          {f
            ? f.sizes.slice(0, LISTED).map((size, c) => (
                <tr
                  key={c}
                  tabIndex={0}
                  data-testid="community-row"
                  data-community={c}
                  aria-label={t('communities.highlight', { community: c + 1 })}
                  aria-current={p === c ? 'true' : undefined}
                  onClick={() => pick(c)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter' && e.key !== ' ') return;
                    e.preventDefault();
                    pick(c);
                  }}
                >
                  <td>
                    <Swatch community={c} />
                    {c + 1}
                  </td>
                  <td class="num">{fixed(size, 0)}</td>
                  <td class="num">{percent(size / n, 1)}</td>
                </tr>
              ))
            : null}
        </tbody>
      </table>
      <p class="hint">{f && f.count > LISTED ? t('communities.more', { count: f.count - LISTED }) : ''}</p>
      <h3>{t('communities.reach.title')}</h3>
      <p
        class="hint"
        data-testid="communities-reach-note"
        data-entered={reach ? String(reach.filter((r) => r.meanReached > 0).length) : undefined}
      >
        {reachNote}
      </p>
      {reach ? (
        <table class="communities-table" data-testid="communities-reach-table">
          <thead>
            <tr>
              <th scope="col">{t('communities.col.community')}</th>
              <th scope="col" class="num">
                {t('communities.col.size')}
              </th>
              <th scope="col" class="num">
                {t('communities.col.seeds')}
              </th>
              <th scope="col" class="num">
                {t('communities.col.reached')}
              </th>
              <th scope="col" class="num">
                {t('communities.col.shareReached')}
              </th>
              <th scope="col" class="num">
                {t('communities.col.entered')}
              </th>
            </tr>
          </thead>
          <tbody data-testid="communities-reach">
            {reach.slice(0, LISTED).map((r) => {
              const never = r.meanReached === 0;
              return (
                <tr
                  key={r.community}
                  data-testid="community-reach-row"
                  data-community={r.community}
                  class={never ? 'never' : undefined}
                >
                  <td>
                    <Swatch community={r.community} />
                    {r.community + 1}
                  </td>
                  <td class="num">{fixed(r.size, 0)}</td>
                  <td class="num">{fixed(r.seeds, 0)}</td>
                  <td class="num" data-value={String(r.meanReached)}>
                    {fixed(r.meanReached, 1)}
                  </td>
                  <td class="num">{never ? t('communities.reach.never') : percent(r.shareReached, 1)}</td>
                  <td class="num">{percent(r.enteredAtLeast, 1)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <h3>{t('communities.seed.title')}</h3>
      <p class="hint">{t('communities.seed.help')}</p>
      <div class="row">
        <NumberInput
          inline
          label={t('communities.seed.count')}
          testid="communities-seed-count"
          value={seedCount.value}
          min={1}
          max={1000}
          parse={wholeNumber(() => t('communities.seed.badCount'), 1, 1000)}
          onCommit={(value) => {
            if (value !== null) seedCount.value = value;
          }}
        />
        <Select<MetricName>
          inline
          label={t('communities.seed.metric')}
          testid="communities-seed-metric"
          value={seedMetric.value}
          options={metricsFor(graph?.loaded.csr.directed ?? true).map((m) => ({
            value: m,
            label: metricLabel(m),
          }))}
          onChange={(value) => {
            seedMetric.value = value;
          }}
        />
        <button
          type="button"
          data-testid="communities-seed"
          disabled={!f || running}
          onClick={() => void seedPerCommunity(app)}
        >
          {t('communities.seed.launch')}
        </button>
      </div>
      <p class="hint" role="status" data-testid="communities-seed-note">
        {seedNote.value ? noticeText(seedNote.value) : ''}
      </p>
    </>
  );
}
