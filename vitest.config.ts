import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a two-core machine, where
    // the files would then run one after another while the tests' own subprocesses and Chromium wait.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The test files share their workers' loaded (and compiled) modules instead of starting afresh each
    // time: no source module keeps state between calls, and the engine's hot code is compiled once.
    isolate: false,
  },
});
