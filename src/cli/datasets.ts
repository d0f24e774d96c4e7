/**
 * The bundled datasets' manifest (datasets/manifest.json): lets `--graph datasets/karate.txt`
 * work without --direction, because the manifest says how each file is meant.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Direction, EdgeValues } from '../graph/types.ts';

export interface DatasetEntry {
  file: string;
  name: string;
  description: string;
  direction: Direction;
  edgeValues?: EdgeValues;
  nodes: number;
  edges: number;
  source: string;
  citation: string;
}

export interface Manifest {
  default: string;
  datasets: DatasetEntry[];
}

/** The repository's datasets folder: two levels above both src/cli/ and the .cache/node/ bundle. */
export const DATASETS_DIR = resolve(fileURLToPath(new URL('../../datasets/', import.meta.url)));

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
