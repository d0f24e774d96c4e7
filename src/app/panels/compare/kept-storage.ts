/**
 * Kept results as they are autosaved, and the check they pass when read back: the record comes
 * from IndexedDB, maybe written by another version or damaged, so every field is checked and a
 * bad record is dropped (and counted) rather than trusted. Scenarios go through the same gate as
 * links and files (validateScenario).
 */
import type { HistogramBin, SimulationSummary } from '../../../diffusion/types.ts';
import { isDict, validateScenario } from '../../persist/validate.ts';
import { type KeptResult, MAX_KEPT } from './kept.ts';

/** The version of the saved list; a list of another version is ignored. */
export const KEPT_VERSION = 1;

export interface SavedKept {
  version: number;
  items: KeptResult[];
}

export function savedKept(items: readonly KeptResult[]): SavedKept {
  return { version: KEPT_VERSION, items: [...items] };
}

const MAX_LABEL = 200;
const MAX_SERIES = 1_000_000;

type Dict = Record<string, unknown>;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function numbers(v: unknown): number[] | null {
  if (!Array.isArray(v) || v.length > MAX_SERIES || !v.every(finite)) return null;
  return v as number[];
}

function pairs(v: unknown): [number, number][] | null {
  if (!Array.isArray(v) || v.length > MAX_SERIES) return null;
  for (const p of v) if (!Array.isArray(p) || p.length !== 2 || !finite(p[0]) || !finite(p[1])) return null;
  return v as [number, number][];
}

function histogram(v: unknown): HistogramBin[] | null {
  if (!Array.isArray(v) || v.length > MAX_SERIES) return null;
  for (const b of v) if (!isDict(b) || !finite(b.from) || !finite(b.to) || !count(b.count)) return null;
  return (v as Dict[]).map((b) => ({ from: b.from as number, to: b.to as number, count: b.count as number }));
}

/** A summary with every field the compare tab reads, or null. */
export function checkSummary(v: unknown): SimulationSummary | null {
  if (!isDict(v) || !count(v.runs) || (v.runs as number) < 1) return null;
  if (!finite(v.mean) || !finite(v.std) || !finite(v.exposed)) return null;
  const ci = numbers(v.ci95);
  const hops = numbers(v.reachByHop);
  const steps = numbers(v.adoptionByStep);
  const band = pairs(v.adoptionByStepCi95);
  const sizes = v.sizes;
  if (ci?.length !== 2 || !hops || !steps || !band || !isDict(sizes)) return null;
  const bins = histogram(sizes.histogram);
  if (!bins || !finite(sizes.min) || !finite(sizes.max) || !finite(sizes.median)) return null;
  const via = v.via;
  const checkedVia =
    isDict(via) && finite(via.strong) && finite(via.weak) && finite(via.group)
      ? { strong: via.strong as number, weak: via.weak as number, group: via.group as number }
      : null;
  if (via !== undefined && !checkedVia) return null;
  return {
    runs: v.runs as number,
    mean: v.mean as number,
    std: v.std as number,
    ci95: [ci[0], ci[1]],
    exposed: v.exposed as number,
    reachByHop: hops,
    adoptionByStep: steps,
    adoptionByStepCi95: band,
    sizes: {
      min: sizes.min as number,
      max: sizes.max as number,
      median: sizes.median as number,
      histogram: bins,
    },
    ...(checkedVia ? { via: checkedVia } : {}),
  };
}

function checkItem(v: unknown): KeptResult | null {
  if (!isDict(v) || !count(v.id) || (v.id as number) < 1 || !count(v.nodes) || (v.nodes as number) < 1)
    return null;
  if (typeof v.label !== 'string' || v.label.trim() === '' || v.label.length > MAX_LABEL) return null;
  if (typeof v.graphName !== 'string' || v.graphName.length > MAX_LABEL) return null;
  const summary = checkSummary(v.summary);
  if (!summary) return null;
  try {
    const scenario = validateScenario(v.scenario);
    return {
      id: v.id as number,
      label: v.label,
      scenario,
      summary,
      nodes: v.nodes as number,
      graphName: v.graphName,
    };
  } catch {
    return null;
  }
}

/** The kept results in a saved value, with how many records had to be dropped. */
export function readSavedKept(value: unknown): { items: KeptResult[]; dropped: number } {
  if (value === undefined || value === null) return { items: [], dropped: 0 };
  if (!isDict(value) || value.version !== KEPT_VERSION || !Array.isArray(value.items)) {
    return { items: [], dropped: 1 };
  }
  const items: KeptResult[] = [];
  const ids = new Set<number>();
  let dropped = 0;
  for (const raw of value.items.slice(-MAX_KEPT)) {
    const item = checkItem(raw);
    if (!item || ids.has(item.id)) {
      dropped++;
      continue;
    }
    ids.add(item.id);
    items.push(item);
  }
  dropped += Math.max(0, value.items.length - MAX_KEPT);
  return { items, dropped };
}
