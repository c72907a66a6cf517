/**
 * The page's side of the engine. The engine runs in a Web Worker started from this same script (the
 * built page is one bundle: see main.ts). Where the browser starts no worker from it, as for a page
 * opened from file://, the engine runs in the page behind the same messages, still in short slices.
 */
import { type Port, serveEngine } from './engine-host.js';
import type { Reply, Request } from './protocol.js';

export interface EngineLink {
  send(request: Request): void;
}

/** Starts the engine from `script` (the page's own bundle); `receive` gets its every reply. */
export function startEngine(script: string | undefined, receive: (reply: Reply) => void): EngineLink {
  let send: (request: Request) => void;
  /** what the worker was asked before it answered anything: asked again if it never starts */
  let unanswered: Request[] | undefined = [];

  const inPage = () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<Reply>) => receive(event.data);
    serveEngine(channel.port2 as unknown as Port);
    channel.port2.start();
    send = (request) => channel.port1.postMessage(request);
    for (const request of unanswered ?? []) send(request);
    unanswered = undefined;
  };

  const worker = script ? workerFrom(script) : undefined;
  if (worker) {
    worker.addEventListener('message', (event: MessageEvent<Reply>) => {
      unanswered = undefined;
      receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      // A worker that fails before it answers never started: the page runs the engine itself.
      if (!unanswered) return;
      event.preventDefault();
      worker.terminate();
      inPage();
    });
    send = (request) => {
      unanswered?.push(request);
      worker.postMessage(request);
    };
  } else inPage();
  return { send: (request) => send(request) };
}

function workerFrom(script: string): Worker | undefined {
  try {
    return new Worker(script, { type: import.meta.env.DEV ? 'module' : 'classic' });
  } catch {
    // Browsers refuse a worker from a file:// page.
    return undefined;
  }
}
