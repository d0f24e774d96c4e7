/** What every benchmark section receives from bench/bench.ts. */
export interface BenchContext {
  /** --quick: datasets only, shorter timings. */
  quick: boolean;
  /** Repository root (datasets/ lives there). */
  root: string;
  /** The bundled Node engine worker, for createNodePool(workerFile, size). */
  workerFile: URL;
  /** The cached 1M-node / 10M-arc power-law edge list (influences), or null with --quick. */
  largeGraph: string | null;
}
