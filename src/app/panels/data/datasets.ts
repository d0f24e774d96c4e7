/**
 * The bundled datasets in the current language: the picker's option text, and the description
 * (translated in the catalogue, word for word from datasets/manifest.json; if the manifest's text
 * changes before the catalogue does, its own words are shown rather than a stale translation).
 * Names, sources and citations are proper names and references, shown as published.
 */
import type { BundledDataset } from '../../bundled/datasets.ts';
import { t } from './messages.ts';

type AboutKey = Parameters<typeof t>[0] & `dataset.about.${string}`;

const ABOUT: Record<string, AboutKey> = {
  'karate.txt': 'dataset.about.karate',
  'small-world.json': 'dataset.about.smallWorld',
  'facebook_combined.txt': 'dataset.about.facebook',
  'email-Eu-core.txt': 'dataset.about.email',
  'Wiki-Vote.txt': 'dataset.about.wikiVote',
  'NetHEPT.txt': 'dataset.about.netHept',
  'soc-Slashdot0902.txt.gz': 'dataset.about.slashdot',
};

export function datasetOption(d: Pick<BundledDataset, 'name' | 'nodes'>): string {
  return t('data.datasetOption', { name: d.name, nodes: d.nodes });
}

export function datasetAbout(d: Pick<BundledDataset, 'file' | 'description'>): string {
  const key = ABOUT[d.file];
  if (!key) return d.description;
  return t.en[key] === d.description ? t(key) : d.description;
}
