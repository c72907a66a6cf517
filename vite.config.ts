/**
 * The web sandbox's build: `web/` is the app, `dist-web/` the static output (`npm run build:web`).
 * Paths are relative (`base: './'`) and the bundle is one classic deferred script rather than a module,
 * so the page works served from any folder and also opened straight from the disk (`file://`, where
 * browsers refuse module scripts).
 */
import { defineConfig, type Plugin } from 'vite';

/**
 * What the built page may do: load its own files, and nothing else. No requests at all
 * (`connect-src 'none'`), no plugins, no forms. (Only in the build: the dev server needs its socket.)
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // CodeMirror sets element styles and adds its theme as a <style> element.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The built page: its one bundle as a classic deferred script, its stylesheet plainly (no
 * `crossorigin`: a CORS request for a file:// URL fails), and the content security policy.
 */
function staticPage(): Plugin {
  return {
    name: 'omegaverse:static-page',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml(html) {
      return html
        .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
        .replace(/ crossorigin(?=[\s>])/g, '')
        .replace(
          '<meta charset="utf-8" />',
          `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
        );
    },
  };
}

export default defineConfig({
  root: 'web',
  base: './',
  plugins: [staticPage()],
  resolve: {
    // The web code imports the engine's TypeScript sources as they import each other, NodeNext style:
    // '../src/index.js'. From a TypeScript importer Vite resolves such a '.js' to the '.ts' beside it;
    // the extensions below are the ones tried for extensionless imports.
    extensions: ['.ts', '.mjs', '.js', '.json'],
  },
  server: {
    host: '127.0.0.1',
    // The app lives in web/ but imports ../src and ../scenarios.
    fs: { allow: ['..'] },
  },
  preview: {
    host: '127.0.0.1',
  },
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    cssCodeSplit: false,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: { format: 'iife' },
    },
  },
});
