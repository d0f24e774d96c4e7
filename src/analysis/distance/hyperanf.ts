/**
 * HyperANF: the neighbourhood function N(t) = pairs (s, t') with dist(s, t') <= t, estimated with
 * one HyperLogLog counter per node (P. Boldi, M. Rosa, S. Vigna, HyperANF: Approximating the
 * Neighbourhood Function of Very Large Graphs on a Budget, WWW 2011; HyperLogLog: P. Flajolet,
 * E. Fusy, O. Gandouet, F. Meunier, AofA 2007).
 *
 * Counter B(v, t) estimates the set of nodes within t hops of v along out-arcs; B(v, t+1) is the
 * union of B(v, t) and the B(w, t) of v's out-neighbours, a register-wise maximum. Registers are
 * bytes packed four to a 32-bit word and maximised four at a time with a borrow-free SWAR trick
 * (ranks stay below 128, so the high bit of each byte is free), as HyperANF's broadword union.
 * Only nodes with an out-neighbour whose counter changed in the last round are recomputed.
 *
 * Error: each counter, and hence each N(t) (a sum of counters whose errors can only partly
 * cancel), has relative standard deviation at most about 1.04 / sqrt(m) for m registers.
 * N(0) is exact (the number of counted nodes).
 */
import type { Csr } from '../../graph/types.ts';
import { mix32 } from '../../util/rng.ts';

export interface HyperAnfOptions {
  /** Registers per counter, a power of two from 16 to 4096 (default: defaultRegisters). */
  registers?: number;
  /** Hash seed (a different seed gives an independent estimate). */
  seed?: number;
  /** Count only the pairs whose source has mask[v] = 1 (e.g. the largest weak component). */
  mask?: Uint8Array | null;
  /** Stop after this many rounds even if counters still change. */
  maxRounds?: number;
  /** Called after each round with the round number and the nodes recomputed in it. */
  onRound?: (round: number, recomputed: number) => void;
}

export interface HyperAnfResult {
  /** Estimated cumulative pairs within h hops, h = 0..rounds (hopPlot[0] exact). */
  hopPlot: number[];
  registers: number;
  /** Relative standard deviation of each estimate, 1.04 / sqrt(registers). */
  relativeError: number;
  /** Rounds in which some counter changed (a lower bound of the diameter). */
  rounds: number;
}

/**
 * Default registers per counter: the most (a power of two, 16 to 256) that keep the work
 * (arcs x registers per round) within 2^30 and the two counter arrays within 2^29 bytes: 256 up
 * to about four million arcs, 64 for ten million.
 */
export function defaultRegisters(csr: Csr): number {
  const budget = Math.min(2 ** 30 / Math.max(1, csr.arcs), 2 ** 28 / Math.max(1, csr.n));
  let m = 16;
  while (m < 256 && 2 * m <= budget) m *= 2;
  return m;
}

export function hyperAnfRelativeError(registers: number): number {
  return 1.04 / Math.sqrt(registers);
}

function alpha(m: number): number {
  if (m === 16) return 0.673;
  if (m === 32) return 0.697;
  if (m === 64) return 0.709;
  return 0.7213 / (1 + 1.079 / m);
}

export function hyperAnf(csr: Csr, options: HyperAnfOptions = {}): HyperAnfResult {
  const m = options.registers ?? defaultRegisters(csr);
  if (!Number.isInteger(m) || m < 16 || m > 4096 || (m & (m - 1)) !== 0)
    throw new Error(`registers: expected a power of two from 16 to 4096, got ${m}`);
  const seed = (options.seed ?? 1) >>> 0;
  const mask = options.mask ?? null;
  const maxRounds = options.maxRounds ?? Number.POSITIVE_INFINITY;
  const { n, outOffsets, outTargets, inOffsets, inSources } = csr;
  const words = m >>> 2;
  const cur = new Uint32Array(n * words);
  const next = new Uint32Array(n * words);
  const curBytes = new Uint8Array(cur.buffer);

  // Each node's singleton: one register set to the rank of its hash.
  const seedA = mix32(seed ^ 0x9e3779b9);
  const seedB = mix32(seed ^ 0x7f4a7c15);
  for (let v = 0; v < n; v++) {
    const register = mix32(v ^ seedA) & (m - 1);
    const rank = Math.min(Math.clz32(mix32((v + seedB) >>> 0) | 0) + 1, 32);
    curBytes[v * m + register] = rank;
  }

  const pow2 = new Float64Array(64);
  for (let k = 0; k < 64; k++) pow2[k] = 2 ** -k;
  const am2 = alpha(m) * m * m;
  const estimate = (v: number): number => {
    let sum = 0;
    let zeros = 0;
    const base = v * m;
    for (let j = 0; j < m; j++) {
      const r = curBytes[base + j];
      sum += pow2[r];
      if (r === 0) zeros++;
    }
    const e = am2 / sum;
    return e <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : e;
  };

  const est = new Float64Array(n);
  let counted = 0;
  for (let v = 0; v < n; v++) {
    if (!mask || mask[v]) {
      est[v] = 1;
      counted++;
    }
  }
  const hopPlot = [counted];
  let dirty = new Uint8Array(n);
  let nextDirty = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (outOffsets[v + 1] > outOffsets[v]) dirty[v] = 1;
  const changed = new Uint32Array(n);
  const H = 0x80808080 | 0;
  let rounds = 0;
  for (let round = 1; round <= maxRounds; round++) {
    let changes = 0;
    let recomputed = 0;
    for (let u = 0; u < n; u++) {
      if (!dirty[u]) continue;
      dirty[u] = 0;
      recomputed++;
      const ub = u * words;
      const start = outOffsets[u];
      const end = outOffsets[u + 1];
      let differs = false;
      // Word by word, so the running maximum stays in a register; the out-list and the
      // neighbours' counter lines stay in cache across the words.
      for (let w = 0; w < words; w++) {
        const own = cur[ub + w];
        let x = own;
        for (let k = start; k < end; k++) {
          const y = cur[outTargets[k] * words + w];
          // Per byte: high bit of d set iff x >= y (no borrow crosses bytes since bytes < 128).
          const d = ((x | H) - y) & H;
          const keep = (d - (d >>> 7)) | d;
          x = (x & keep) | (y & ~keep);
        }
        next[ub + w] = x;
        if (x !== own) differs = true;
      }
      if (differs) changed[changes++] = u;
    }
    if (changes === 0) break;
    rounds = round;
    // Install the changed counters and mark their in-neighbours for the next round.
    for (let i = 0; i < changes; i++) {
      const u = changed[i];
      const ub = u * words;
      for (let w = 0; w < words; w++) cur[ub + w] = next[ub + w];
      for (let k = inOffsets[u]; k < inOffsets[u + 1]; k++) nextDirty[inSources[k]] = 1;
      if (!mask || mask[u]) est[u] = estimate(u);
    }
    let total = 0;
    for (let v = 0; v < n; v++) total += est[v];
    // Estimates can wobble; the true function is non-decreasing.
    hopPlot.push(Math.max(total, hopPlot[hopPlot.length - 1]));
    const swap = dirty;
    dirty = nextDirty;
    nextDirty = swap;
    options.onRound?.(round, recomputed);
  }
  return { hopPlot, registers: m, relativeError: hyperAnfRelativeError(m), rounds };
}
