/**
 * The omegaverse sandbox's one script. In the page it starts the page (page.ts), which starts this same
 * script again as a Web Worker; there, with no document, it is the engine (engine-host.ts). One bundle
 * serves both, so the engine's code is loaded once and the page still opens from file://.
 */
import { type Port, serveEngine } from './engine-host.js';
import { startPage } from './page.js';

if (typeof document === 'undefined') serveEngine(self as unknown as Port);
else
  startPage(
    import.meta.env.DEV ? import.meta.url : (document.currentScript as HTMLScriptElement | null)?.src,
  );
