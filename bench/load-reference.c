/*
 * Reference: a plain C loader doing the work the TypeScript loader does on an edge list of
 * integer ids, without its checks and messages, so `npm run bench` can put the load time beside
 * what compiled code achieves on the same file, machine and moment (and beside `wc -l`).
 *
 * Work: read the file; skip '#'/'%' comment lines and blank lines; parse "a b" (decimal ids,
 * spaces or tabs between, trailing CR allowed); number nodes in order of first appearance through
 * a direct table; drop self-loops; counting-sort the arcs by source (reach direction a -> b);
 * merge duplicate arcs with a per-row stamp; build the in-arc index by a second counting sort.
 *
 * Usage: load-reference FILE
 * Prints: seconds nodes arcs checksum cpu-seconds (the process's CPU time, clock())
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void *must(void *p) {
  if (!p) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  return p;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: load-reference FILE\n");
    return 2;
  }
  double t0 = now();
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  fseek(f, 0, SEEK_END);
  size_t len = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *buf = must(malloc(len + 1));
  if (fread(buf, 1, len, f) != len) {
    fprintf(stderr, "short read\n");
    return 1;
  }
  fclose(f);
  buf[len] = '\n';

  size_t cap = len / 4 + 1, m = 0;
  uint32_t *src = must(malloc(cap * 4)), *dst = must(malloc(cap * 4));
  uint32_t maxId = 0;
  for (size_t p = 0; p < len;) {
    uint8_t b = buf[p];
    if (b == '#' || b == '%' || b == '\n' || b == '\r') {
      while (buf[p] != '\n') p++;
      p++;
      continue;
    }
    uint32_t a = 0, c = 0;
    while (b >= '0' && b <= '9') a = a * 10 + (b - '0'), b = buf[++p];
    while (b == ' ' || b == '\t') b = buf[++p];
    while (b >= '0' && b <= '9') c = c * 10 + (b - '0'), b = buf[++p];
    while (b != '\n') b = buf[++p];
    p++;
    src[m] = a;
    dst[m] = c;
    m++;
    if (a > maxId) maxId = a;
    if (c > maxId) maxId = c;
  }

  int32_t *direct = must(calloc((size_t)maxId + 1, 4));
  uint32_t n = 0;
  for (size_t i = 0; i < m; i++) {
    int32_t k = direct[src[i]];
    if (!k) k = direct[src[i]] = (int32_t)++n;
    src[i] = (uint32_t)k - 1;
    k = direct[dst[i]];
    if (!k) k = direct[dst[i]] = (int32_t)++n;
    dst[i] = (uint32_t)k - 1;
  }

  uint32_t *off = must(calloc((size_t)n + 1, 4));
  size_t kept = 0;
  for (size_t i = 0; i < m; i++)
    if (src[i] != dst[i]) off[src[i] + 1]++, kept++;
  for (uint32_t u = 0; u < n; u++) off[u + 1] += off[u];
  uint32_t *cur = must(malloc((size_t)n * 4));
  memcpy(cur, off, (size_t)n * 4);
  uint32_t *tgt = must(malloc(kept * 4 + 4));
  for (size_t i = 0; i < m; i++)
    if (src[i] != dst[i]) tgt[cur[src[i]]++] = dst[i];

  int32_t *seen = must(malloc((size_t)n * 4));
  memset(seen, 0xff, (size_t)n * 4);
  uint32_t *start = must(malloc(((size_t)n + 1) * 4));
  size_t w = 0;
  for (uint32_t u = 0; u < n; u++) {
    start[u] = (uint32_t)w;
    for (uint32_t k = off[u]; k < off[u + 1]; k++) {
      uint32_t x = tgt[k];
      if (seen[x] == (int32_t)u) continue;
      seen[x] = (int32_t)u;
      tgt[w++] = x;
    }
  }
  start[n] = (uint32_t)w;

  uint32_t *inOff = must(calloc((size_t)n + 1, 4));
  for (size_t k = 0; k < w; k++) inOff[tgt[k] + 1]++;
  for (uint32_t x = 0; x < n; x++) inOff[x + 1] += inOff[x];
  memcpy(cur, inOff, (size_t)n * 4);
  uint32_t *inSrc = must(malloc(w * 4 + 4));
  for (uint32_t u = 0; u < n; u++)
    for (uint32_t k = start[u]; k < start[u + 1]; k++) inSrc[cur[tgt[k]]++] = u;

  double secs = now() - t0;
  /* Touch the result so the work cannot be optimised away. */
  uint64_t check = 0;
  for (uint32_t x = 0; x < n; x += 4096) check += inSrc[inOff[x]] + start[x];
  printf("%.6f %u %zu %llu %.6f\n", secs, n, w, (unsigned long long)check, (double)clock() / CLOCKS_PER_SEC);
  return 0;
}
