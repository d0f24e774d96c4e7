/** The bundled datasets' manifest (datasets/manifest.json), as the CLI and the app read it. */
import type { Direction, EdgeValues } from './types.ts';

/** One bundled graph: its file, how to read it, and where it comes from. */
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
  /** The file the app opens first. */
  default: string;
  datasets: DatasetEntry[];
}
