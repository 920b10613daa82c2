/*
 * The batched presynaptic sums of the engine's edge lists (see SparseSumsProbe.java) in C: sixteen
 * flies per edge from a cell-major [targets][16] row, compiled once as the compiler vectorises it and
 * once kept scalar, both without fused multiply-adds (-ffp-contract=off), so the bits must agree.
 * Arguments: sources targets edges passes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FLIES 16

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static unsigned long long state = 88172645463325252ULL;
static unsigned long long next(void) { /* xorshift64 */
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}
static double uniform(void) { return (next() >> 11) * 0x1.0p-53 * 2.0 - 1.0; }
static int by_value(const void *a, const void *b) { return *(const int *) a - *(const int *) b; }

#define SUMS(name, attributes)                                                                         \
  attributes static void name(int sources, const int *restrict col, const int *restrict target,       \
      const double *restrict w, const double *restrict rows, double *restrict sums) {                  \
    for (int j = 0; j < sources; j++) {                                                                \
      double s[FLIES] = {0};                                                                           \
      for (int c = col[j]; c < col[j + 1]; c++) {                                                      \
        const double wc = w[c];                                                                        \
        const double *row = rows + (long) target[c] * FLIES;                                           \
        for (int k = 0; k < FLIES; k++) s[k] += wc * row[k];                                           \
      }                                                                                                \
      memcpy(sums + (long) j * FLIES, s, sizeof s);                                                    \
    }                                                                                                  \
  }
SUMS(vectorised, )
SUMS(scalar, __attribute__((optimize("no-tree-vectorize", "no-tree-slp-vectorize"))))

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s sources targets edges passes\n", argv[0]);
    return 2;
  }
  int sources = atoi(argv[1]), targets = atoi(argv[2]), edges = atoi(argv[3]), passes = atoi(argv[4]);
  int *col = calloc(sources + 1, sizeof(int)), *source = malloc(edges * sizeof(int));
  int *target = malloc(edges * sizeof(int)), *fill = malloc((sources + 1) * sizeof(int));
  double *w = malloc(edges * sizeof(double)), *rows = malloc((size_t) targets * FLIES * sizeof(double));
  double *a = malloc((size_t) sources * FLIES * sizeof(double)), *b = malloc((size_t) sources * FLIES * sizeof(double));
  for (int e = 0; e < edges; e++) {
    source[e] = next() % sources;
    col[source[e] + 1]++;
  }
  for (int j = 0; j < sources; j++) col[j + 1] += col[j];
  memcpy(fill, col, (sources + 1) * sizeof(int));
  for (int e = 0; e < edges; e++) {
    int c = fill[source[e]]++;
    target[c] = next() % targets;
    w[c] = uniform();
  }
  for (int j = 0; j < sources; j++) qsort(target + col[j], col[j + 1] - col[j], sizeof(int), by_value);
  for (long i = 0; i < (long) targets * FLIES; i++) rows[i] = uniform();
  double best[2] = {1e30, 1e30};
  for (int round = 0; round < 7; round++) { /* round 0 warms up; the order alternates */
    for (int k = 0; k < 2; k++) {
      int which = (k + round) % 2;
      double t0 = seconds();
      for (int i = 0; i < passes; i++) {
        if (which == 0) scalar(sources, col, target, w, rows, a);
        else vectorised(sources, col, target, w, rows, b);
      }
      double ms = (seconds() - t0) * 1e3 / passes;
      if (round > 0 && ms < best[which]) best[which] = ms;
    }
  }
  printf("C     %d sources, %d targets, %d edges, 16 flies: scalar double %.2f ms/pass, vectorised double %.2f ms"
      " (%.1fx, bits %s)\n", sources, targets, edges, best[0], best[1], best[0] / best[1],
      memcmp(a, b, (size_t) sources * FLIES * sizeof(double)) == 0 ? "identical" : "DIFFER");
  return 0;
}
