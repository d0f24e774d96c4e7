/*
 * Reference: a plain C loader for an edge list of string ids ("user12345 user678"), doing the
 * work the TypeScript loader does without its checks and messages, so the peers benchmark can
 * put Ripple's load time beside compiled code on the same file, machine and moment.
 *
 * Work: read the file; skip '#'/'%' comment lines and blank lines; split "a b" at spaces or tabs
 * (trailing CR allowed); intern each id by its bytes in an open-addressing hash table (FNV-1a,
 * linear probing, load factor at most 1/2, doubled when full), numbering nodes in order of first
 * appearance; drop self-loops; counting-sort the arcs by source (reach direction a -> b); merge
 * duplicate arcs with a per-row stamp; build the in-arc index by a second counting sort. The ids
 * stay as (offset, length) spans into the file buffer, which is kept.
 *
 * Usage: load-reference-strings FILE
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

/* Interned ids: spans into the file buffer, and a table of (hash, node + 1) slots. */
static const uint8_t *text;
static uint32_t *spanStart, *spanLen, *slotHash, *slotNode;
static uint32_t nodes, nodeCap, mask;

static void grow_table(void) {
  uint32_t size = 2 * (mask + 1);
  uint32_t *h = must(calloc(size, 4)), *k = must(calloc(size, 4));
  for (uint32_t i = 0; i <= mask; i++) {
    if (!slotNode[i]) continue;
    uint32_t j = slotHash[i] & (size - 1);
    while (k[j]) j = (j + 1) & (size - 1);
    h[j] = slotHash[i];
    k[j] = slotNode[i];
  }
  free(slotHash);
  free(slotNode);
  slotHash = h;
  slotNode = k;
  mask = size - 1;
}

static uint32_t intern(size_t s, size_t e) {
  uint32_t h = 2166136261u;
  for (size_t i = s; i < e; i++) h = (h ^ text[i]) * 16777619u;
  h ^= h >> 16;
  uint32_t len = (uint32_t)(e - s);
  uint32_t i = h & mask;
  for (uint32_t k = slotNode[i]; k; k = slotNode[i]) {
    if (slotHash[i] == h && spanLen[k - 1] == len && memcmp(text + spanStart[k - 1], text + s, len) == 0)
      return k - 1;
    i = (i + 1) & mask;
  }
  if (nodes == nodeCap) {
    nodeCap *= 2;
    spanStart = must(realloc(spanStart, (size_t)nodeCap * 4));
    spanLen = must(realloc(spanLen, (size_t)nodeCap * 4));
  }
  spanStart[nodes] = (uint32_t)s;
  spanLen[nodes] = len;
  slotHash[i] = h;
  slotNode[i] = ++nodes;
  if (2 * nodes > mask + 1) grow_table();
  return nodes - 1;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: load-reference-strings FILE\n");
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
  text = buf;

  nodeCap = 1024;
  spanStart = must(malloc(nodeCap * 4));
  spanLen = must(malloc(nodeCap * 4));
  mask = 2047;
  slotHash = must(calloc(mask + 1, 4));
  slotNode = must(calloc(mask + 1, 4));

  size_t cap = len / 4 + 1, m = 0;
  uint32_t *src = must(malloc(cap * 4)), *dst = must(malloc(cap * 4));
  for (size_t p = 0; p < len;) {
    uint8_t b = buf[p];
    if (b == '#' || b == '%' || b == '\n' || b == '\r') {
      while (buf[p] != '\n') p++;
      p++;
      continue;
    }
    size_t s = p;
    while (b != ' ' && b != '\t' && b != '\n' && b != '\r') b = buf[++p];
    size_t e = p;
    while (b == ' ' || b == '\t') b = buf[++p];
    size_t s2 = p;
    while (b != ' ' && b != '\t' && b != '\n' && b != '\r') b = buf[++p];
    size_t e2 = p;
    while (b != '\n') b = buf[++p];
    p++;
    src[m] = intern(s, e);
    dst[m] = intern(s2, e2);
    m++;
  }
  uint32_t n = nodes;

  uint32_t *off = must(calloc((size_t)n + 1, 4));
  size_t kept = 0;
  for (size_t i = 0; i < m; i++)
    if (src[i] != dst[i]) off[src[i] + 1]++, kept++;
  for (uint32_t u = 0; u < n; u++) off[u + 1] += off[u];
  uint32_t *cur = must(malloc((size_t)n * 4 + 4));
  memcpy(cur, off, (size_t)n * 4);
  uint32_t *tgt = must(malloc(kept * 4 + 4));
  for (size_t i = 0; i < m; i++)
    if (src[i] != dst[i]) tgt[cur[src[i]]++] = dst[i];

  int32_t *seen = must(malloc((size_t)n * 4 + 4));
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
  for (uint32_t x = 0; x < n; x += 4096) check += inSrc[inOff[x]] + start[x] + spanLen[x];
  printf("%.6f %u %zu %llu %.6f\n", secs, n, w, (unsigned long long)check, (double)clock() / CLOCKS_PER_SEC);
  return 0;
}
