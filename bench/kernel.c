/*
 * The scent kernel (`uniformizedTerms` in src/engine/air/kernels.ts) in C, line by line, for a reference:
 * e^{hM}·x by uniformization, term by term, in chunks. Reads the inputs bench/kernel.ts writes (the
 * region's rows already scaled by 1/σ), repeats the kernel, and prints the time per call and the
 * result's bits, which must equal the TypeScript kernel's.
 *
 * Input (whitespace-separated): k W chunks lambda repeats q perVolume inv fadeKeep nLinks,
 * diag[k], start[k+1], from[nLinks], scaled[nLinks], x[(k+4)*W].
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double *read_doubles(int n) {
  double *out = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
  for (int i = 0; i < n; i++)
    if (scanf("%lf", &out[i]) != 1) exit(2);
  return out;
}

static int *read_ints(int n) {
  int *out = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
  for (int i = 0; i < n; i++)
    if (scanf("%d", &out[i]) != 1) exit(2);
  return out;
}

int main(void) {
  int k, W, chunks, repeats, q, links;
  double lambda, perVolume, inv, fadeKeep;
  if (scanf("%d %d %d %lf %d %d %lf %lf %lf %d", &k, &W, &chunks, &lambda, &repeats, &q, &perVolume,
            &inv, &fadeKeep, &links) != 10)
    return 2;
  double *diag = read_doubles(k);
  int *start = read_ints(k + 1);
  int *from = read_ints(links);
  double *scaled = read_doubles(links);
  int m = k + 4, size = m * W;
  double *start_x = read_doubles(size);
  double *x = malloc(sizeof(double) * size), *next = calloc(size, sizeof(double));
  double *sum = malloc(sizeof(double) * size);
  int *notes = malloc(sizeof(int) * W);
  const double NEGLIGIBLE = 1e-18;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int rep = 0; rep < repeats; rep++) {
    for (int i = 0; i < m; i++)
      for (int n = 0; n < W; n++) x[n * m + i] = start_x[i * W + n];
    int live = 0;
    for (int n = 0; n < W; n++) {
      int any = 0;
      for (int i = 0; i < m && !any; i++) any = x[n * m + i] != 0;
      if (any) notes[live++] = n;
    }
    for (int c = 0; c < chunks; c++) {
      double weight = exp(-lambda);
      for (int t = 0; t < live; t++)
        for (int i = notes[t] * m; i < (notes[t] + 1) * m; i++) sum[i] = 0 + weight * x[i];
      for (int j = 0;; j++) {
        weight *= lambda / (j + 1);
        if (j + 1 > lambda && weight < NEGLIGIBLE) break;
        for (int t = 0; t < live; t++) {
          int base = notes[t] * m;
          int l = start[0];
          for (int i = 0; i < k; i++) {
            double v = diag[i] * x[base + i];
            for (int end = start[i + 1]; l < end; l++) v += scaled[l] * x[base + from[l]];
            next[base + i] = v;
          }
          if (q >= 0) {
            next[base + q] += perVolume * (x[base + k] + x[base + k + 3]);
            next[base + k] = x[base + k] + inv * x[base + k + 1];
            next[base + k + 1] = x[base + k + 1] + inv * x[base + k + 2];
            next[base + k + 2] = x[base + k + 2];
            next[base + k + 3] = fadeKeep * x[base + k + 3];
          }
          for (int i = base; i < base + m; i++) sum[i] += weight * next[i];
        }
        double *swap = x;
        x = next;
        next = swap;
      }
      for (int t = 0; t < live; t++) memcpy(x + notes[t] * m, sum + notes[t] * m, sizeof(double) * m);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = ((t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6) / repeats;
  printf("%.6f\n", ms);
  for (int i = 0; i < m; i++) {
    for (int n = 0; n < W; n++) {
      uint64_t bits;
      memcpy(&bits, &x[n * m + i], sizeof bits);
      printf("%016llx\n", (unsigned long long)bits);
    }
  }
  return 0;
}
