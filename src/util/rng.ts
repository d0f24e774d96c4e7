/**
 * Seeded pseudo-random numbers: SFC32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 128-bit
 * state, passes PractRand) seeded through SplitMix32 mixing.
 *
 * Every Monte Carlo run gets its own stream derived from (seed, run index), so a run's outcome
 * never depends on which worker ran it or in what order (the `rng.split` idea of pnnl/ripples).
 */

/** SplitMix32-style finaliser: a bijective avalanche of one 32-bit word. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  // The state is public so hot loops can keep it in local variables (see ic.ts) and write it back.
  a: number;
  b: number;
  c: number;
  d: number;

  /** A stream for (seed, stream): distinct streams for distinct run indices of one seed. */
  constructor(seed: number, stream = 0) {
    this.a = 0;
    this.b = 0;
    this.c = 0;
    this.d = 0;
    this.reset(seed, stream);
  }

  /** Restart as the stream (seed, stream), as a new Rng(seed, stream) would (no allocation). */
  reset(seed: number, stream = 0): void {
    const s = mix32(seed >>> 0);
    const r = mix32((stream >>> 0) ^ 0x5bd1e995);
    let a = mix32(s ^ r) | 0;
    let b = mix32(a ^ 0x68e31da4) | 0;
    let c = mix32(b ^ r) | 0;
    let d = 1;
    // Discard the first outputs: SFC32 needs a few rounds to decorrelate nearby seeds. (u32's
    // step on locals: a simulator resets once per run, and the method calls cost as much as a
    // small cascade.)
    for (let i = 0; i < 12; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** Uniform integer in [0, 2^32). */
  u32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** Uniform integer in [0, 2^31): a small integer for V8, compared with probabilityThreshold(). */
  u31(): number {
    return this.u32() >>> 1;
  }

  /** Uniform float in [0, 1) with 32 random bits. */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n) for n <= 2^32 (multiply-shift; bias below 2^-32 * n, negligible). */
  below(n: number): number {
    return Math.floor(this.float() * n);
  }
}

/**
 * Probability p in [0,1] as a 31-bit threshold: the event "u31() < threshold" has probability p
 * rounded to a multiple of 2^-31 (p = 1 always fires, p = 0 never).
 */
export function probabilityThreshold(p: number): number {
  if (p >= 1) return 0x80000000;
  if (p <= 0) return 0;
  return Math.round(p * 0x80000000);
}
