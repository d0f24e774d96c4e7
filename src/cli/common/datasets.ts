/**
 * The bundled datasets' manifest (datasets/manifest.json): lets `--graph datasets/karate.txt`
 * work without --direction, because the manifest says how each file is meant.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetEntry, Manifest } from '../../graph/manifest.ts';

export type { DatasetEntry, Manifest } from '../../graph/manifest.ts';

/**
 * The repository's datasets folder: the nearest datasets/manifest.json above this module, which
 * runs from src/cli/common/ (tests) or from the .cache/node/ bundle (the command).
 */
export const DATASETS_DIR = findDatasets(dirname(fileURLToPath(import.meta.url)));

function findDatasets(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = resolve(dir, 'datasets');
    if (existsSync(resolve(candidate, 'manifest.json'))) return candidate;
    if (dirname(dir) === dir) return resolve(from, '../../datasets');
  }
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(resolve(DATASETS_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

/** The manifest entry of a bundled dataset file, or null for any other file. */
export function bundledDataset(path: string): DatasetEntry | null {
  const full = resolve(path);
  if (dirname(full) !== DATASETS_DIR) return null;
  try {
    return readManifest().datasets.find((d) => d.file === basename(full)) ?? null;
  } catch {
    return null;
  }
}
