/**
 * The library for browsers: `src/index.ts` and what it needs (yaml, zod, pure-rand) as one ES module,
 * `dist-browser/omegaverse.js`, to import from a page with no build step of its own
 * (`import { loadScenario, Play } from './omegaverse.js'`; see docs/embedding.md).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: {
    // The sources import each other NodeNext style ('./world.js'): Vite finds the '.ts' beside it.
    extensions: ['.ts', '.mjs', '.js', '.json'],
  },
  build: {
    outDir: 'dist-browser',
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'omegaverse.js' },
  },
});
