import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The tests that drive Chromium. They measure the page's longest main-thread task against a 100 ms
 * limit, so they run on their own, after the rest: sharing two cores with other test files, the
 * renderer is descheduled and the measure is the machine's, not the page's.
 */
const BROWSER = ['test/browser.test.ts', 'test/embedding.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a two-core machine, where
    // the files would then run one after another while the tests' own subprocesses and Chromium wait.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The test files share their workers' loaded (and compiled) modules instead of starting afresh each
    // time: no source module keeps state between calls, and the engine's hot code is compiled once.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          include: ['test/**/*.test.ts'],
          exclude: BROWSER,
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'browser', include: BROWSER, sequence: { groupOrder: 1 } } },
    ],
  },
});
