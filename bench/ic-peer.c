/*
 * Peer for issue 14's cascade rows (bench/peers/ic.ts): the plain C independent-cascade loop, and
 * the same loop with software prefetching, both drawing Ripple's exact random numbers so that
 * each run examines the same arcs and ends with the same cascade as Ripple's (the bench checks
 * the totals printed here against Ripple's).
 *
 * The plain loop is bench/ic-reference.c's (CSR, one FIFO queue, epoch-stamped marks: 2e exposed,
 * 2e+1 active, SFC32 coins against a 31-bit threshold), with Ripple's streams: run r of seed s
 * uses src/util/rng.ts's Rng(s, r), and a random source is Rng.below(n) of that stream.
 *
 * The prefetch loop follows Ainsworth and Jones, "Software Prefetching for Indirect Memory
 * Accesses" (CGO 2017), for breadth-first search over a work queue: staggered prefetches, the
 * farthest first, so that each one finds its operand in cache when it issues:
 *   queue[head + 2D]           -> prefetch off[that node]          (offsets of a node 2D ahead)
 *   queue[head + D]            -> prefetch tgt[off[that node]]     (its arc list, D ahead)
 *   arc k                      -> prefetch mark[tgt[k + D']]        (the mark of an arc D' ahead)
 * Look-ahead that runs past the queue's tail or the arc array is clamped (no prefetch of garbage).
 *
 * Usage: ic-peer CSR_FILE P RUNS SEED SOURCE MODE
 *   CSR_FILE: uint32 n, uint32 m, uint32 offsets[n+1], uint32 targets[m] (little endian)
 *   SOURCE: a node index, or -1 for a uniformly random node per run (Ripple's `random` k=1 plan)
 *   MODE: plain | prefetch
 * Prints: arcs_examined cpu_seconds sum_of_sizes sum_of_exposed
 * cpu_seconds is this process's CPU time over the runs alone (the graph is read before).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { uint32_t a, b, c, d; } sfc32;

static inline uint32_t sfc_next(sfc32 *s) {
  uint32_t t = s->a + s->b + s->d++;
  s->a = s->b ^ (s->b >> 9);
  s->b = s->c + (s->c << 3);
  s->c = ((s->c << 21) | (s->c >> 11)) + t;
  return t;
}

/* src/util/rng.ts: mix32 and the Rng(seed, stream) constructor. */
static uint32_t mix32(uint32_t x) {
  uint32_t z = x + 0x9e3779b9u;
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

static sfc32 ripple_stream(uint32_t seed, uint32_t stream) {
  uint32_t s = mix32(seed), t = mix32(stream ^ 0x5bd1e995u);
  sfc32 r;
  r.a = mix32(s ^ t);
  r.b = mix32(r.a ^ 0x68e31da4u);
  r.c = mix32(r.b ^ t);
  r.d = 1;
  for (int i = 0; i < 12; i++) sfc_next(&r);
  return r;
}

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

/* Look-ahead distances of the prefetch loop: queue entries, and arcs (AD 8 beat 16, 32 and 64 on
 * the 300k-node power-law graph; QD 4 and 16 tied). -DQD=.. -DAD=.. to try others. */
#ifndef QD
#define QD 4
#endif
#ifndef AD
#define AD 8
#endif

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: ic-peer CSR_FILE P RUNS SEED SOURCE plain|prefetch\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  uint32_t n, m;
  if (fread(&n, 4, 1, f) != 1 || fread(&m, 4, 1, f) != 1) return 1;
  uint32_t *off = malloc(4ull * (n + 1)), *tgt = malloc(4ull * m + 4);
  if (fread(off, 4, n + 1, f) != n + 1 || fread(tgt, 4, m, f) != m) return 1;
  fclose(f);
  double p = atof(argv[2]);
  long runs = atol(argv[3]);
  uint32_t seed = (uint32_t)strtoul(argv[4], NULL, 10);
  long source = atol(argv[5]);
  int prefetch = strcmp(argv[6], "prefetch") == 0;
  if (!prefetch && strcmp(argv[6], "plain") != 0) { fprintf(stderr, "MODE: plain or prefetch\n"); return 2; }
  /* src/util/rng.ts probabilityThreshold. */
  uint32_t thr = p >= 1 ? 0x80000000u : p <= 0 ? 0 : (uint32_t)(p * 2147483648.0 + 0.5);
  uint32_t *mark = calloc(n, 4), *queue = malloc(4ull * n);
  uint64_t examined = 0, total = 0, exposures = 0;
  double t0 = cpu_now();
  for (long r = 0; r < runs; r++) {
    sfc32 s = ripple_stream(seed, (uint32_t)r);
    uint32_t seen = 2 * ((uint32_t)r + 1), active = seen + 1, head = 0, tail = 0, exposed = 1;
    uint32_t src = source >= 0 ? (uint32_t)source : (uint32_t)((double)sfc_next(&s) / 4294967296.0 * n);
    mark[src] = active;
    queue[tail++] = src;
    if (!prefetch) {
      while (head < tail) {
        uint32_t u = queue[head++];
        uint32_t end = off[u + 1];
        examined += end - off[u];
        for (uint32_t k = off[u]; k < end; k++) {
          uint32_t v = tgt[k];
          uint32_t st = mark[v];
          if (st == active) continue;
          if (st != seen) { mark[v] = seen; exposed++; }
          if ((sfc_next(&s) >> 1) < thr) { mark[v] = active; queue[tail++] = v; }
        }
      }
    } else {
      while (head < tail) {
        uint32_t last = tail - 1;
        uint32_t far = head + 2 * QD < tail ? head + 2 * QD : last;
        uint32_t near = head + QD < tail ? head + QD : last;
        __builtin_prefetch(&off[queue[far]]);
        __builtin_prefetch(&tgt[off[queue[near]]]);
        uint32_t u = queue[head++];
        uint32_t k = off[u], end = off[u + 1];
        examined += end - k;
        for (; k < end; k++) {
          uint32_t ahead = k + AD < m ? k + AD : m - 1;
          __builtin_prefetch(&mark[tgt[ahead]], 1);
          uint32_t v = tgt[k];
          uint32_t st = mark[v];
          if (st == active) continue;
          if (st != seen) { mark[v] = seen; exposed++; }
          if ((sfc_next(&s) >> 1) < thr) { mark[v] = active; queue[tail++] = v; }
        }
      }
    }
    total += tail;
    exposures += exposed;
  }
  double secs = cpu_now() - t0;
  printf("%llu %.6f %llu %llu\n", (unsigned long long)examined, secs, (unsigned long long)total,
         (unsigned long long)exposures);
  return 0;
}
