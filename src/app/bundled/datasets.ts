/** The bundled datasets, served by Vite from datasets/ (hashed URLs in the build). */
import manifest from '../../../datasets/manifest.json';
import type { DatasetEntry } from '../../graph/manifest.ts';

export interface BundledDataset extends DatasetEntry {
  url: string;
  /** Its precomputed layout (datasets/layouts/<file>.json, made by `ripple layout`), if any. */
  layoutUrl?: string;
}

const urls = import.meta.glob(['../../../datasets/*.{txt,gz,json}', '!../../../datasets/manifest.json'], {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const layoutUrls = import.meta.glob('../../../datasets/layouts/*.json', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const DATASETS: BundledDataset[] = manifest.datasets.map((d) => {
  const url = urls[`../../../datasets/${d.file}`];
  if (!url) throw new Error(`datasets/manifest.json lists ${d.file}, which is not in datasets/`);
  const layoutUrl = layoutUrls[`../../../datasets/layouts/${d.file}.json`];
  return { ...(d as Omit<BundledDataset, 'url'>), url, ...(layoutUrl ? { layoutUrl } : {}) };
});

export const DEFAULT_DATASET = manifest.default;
