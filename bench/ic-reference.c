/*
 * Reference: a tight C loop doing the same work as the TypeScript independent-cascade kernel
 * (CSR, flat BFS queue, epoch-stamped visited marks, no allocation per run, SFC32 coins against
 * a 31-bit threshold), so `npm run bench` can report the TypeScript/C throughput ratio measured
 * in one run on one machine.
 *
 * Usage: ic-reference CSR_FILE P RUNS SEED
 * CSR_FILE: uint32 n, uint32 m, uint32 offsets[n+1], uint32 targets[m] (little endian).
 * Prints: arcs_examined seconds mean_size mean_exposed
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { uint32_t a, b, c, d; } sfc32;

static inline uint32_t sfc_next(sfc32 *s) {
  uint32_t t = s->a + s->b + s->d++;
  s->a = s->b ^ (s->b >> 9);
  s->b = s->c + (s->c << 3);
  s->c = ((s->c << 21) | (s->c >> 11)) + t;
  return t;
}

static uint32_t mix32(uint32_t z) {
  z += 0x9e3779b9u;
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: ic-reference CSR_FILE P RUNS SEED\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  uint32_t n, m;
  if (fread(&n, 4, 1, f) != 1 || fread(&m, 4, 1, f) != 1) return 1;
  uint32_t *off = malloc(4ull * (n + 1)), *tgt = malloc(4ull * m);
  if (fread(off, 4, n + 1, f) != n + 1 || fread(tgt, 4, m, f) != m) return 1;
  fclose(f);
  double p = atof(argv[2]);
  long runs = atol(argv[3]);
  uint32_t seed = (uint32_t)atol(argv[4]);
  uint32_t thr = p >= 1 ? 0x80000000u : (uint32_t)(p * 2147483648.0 + 0.5);
  uint32_t *mark = calloc(n, 4), *queue = malloc(4ull * n);
  uint64_t examined = 0, total = 0, exposures = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long r = 0; r < runs; r++) {
    sfc32 s = {mix32(seed ^ (uint32_t)r), mix32((uint32_t)r + 17u), mix32(seed + 3u), 1};
    for (int i = 0; i < 12; i++) sfc_next(&s);
    /* Same marks as the TypeScript kernel: 2e = exposed (received an attempt), 2e+1 = active. */
    uint32_t seen = 2 * ((uint32_t)r + 1), active = seen + 1, head = 0, tail = 0, exposed = 1;
    uint32_t src = sfc_next(&s) % n;
    mark[src] = active;
    queue[tail++] = src;
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
    total += tail;
    exposures += exposed;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
  printf("%llu %.6f %.3f %.3f\n", (unsigned long long)examined, secs, (double)total / runs, (double)exposures / runs);
  return 0;
}
