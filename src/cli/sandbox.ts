/**
 * The sandbox server: serves the built web app (dist-web/) on 127.0.0.1 only, to requests addressed to
 * it by a loopback name (a DNS-rebinding page cannot read it), and nothing but the regular files inside
 * its folder (a link out of it is not followed). A scenario named on the command line is written into
 * the page as an inert JSON data block (the page fetches nothing), read fresh on each load so edits on
 * disk show on reload. Files go out gzipped to a browser that takes it, and the build's content-hashed
 * assets may be cached for good.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readText, UserError } from './io.js';

/** The built app, beside `src/` and `dist/` in the package. */
export const WEB_ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'dist-web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface SandboxOptions {
  /** folder of the built app (default: dist-web/ of this package) */
  root?: string;
  /** 0: any free port */
  port?: number;
  /** a scenario file to open in the page */
  scenario?: string;
}

export interface Sandbox {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Types worth compressing: text. (Images and fonts are compressed already.) */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/**
 * The headers and body for a file of the app. An asset (vite's build names everything in assets/ by
 * its content hash, so it never changes under its name) may be cached for a year, immutable; anything
 * else, the page first (its asset names change with each build), is asked for afresh every time. A
 * text body is gzipped for a browser that accepts it (`gzip` may give what was compressed already).
 */
export function fileResponse(
  body: Buffer,
  type: string,
  acceptEncoding: string | undefined,
  asset: boolean,
  gzip: () => Buffer = () => gzipSync(body),
): { headers: Record<string, string>; body: Buffer } {
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (!COMPRESSIBLE.test(type)) return { headers, body };
  headers.vary = 'accept-encoding';
  if (!/\bgzip\b/.test(acceptEncoding ?? '')) return { headers, body };
  headers['content-encoding'] = 'gzip';
  return { headers, body: gzip() };
}

/**
 * The page with the given scenario in it, as data the page reads (`<` escaped: it cannot close the
 * block). Spliced in with split/join: `String.replace` would read `$&`, `$'` or `$$` in the text as
 * replacement patterns and rewrite the scene.
 */
function withScenario(page: Buffer, scenario: string): string {
  const data = JSON.stringify({ name: basename(scenario), text: readText(scenario) }).replace(
    /</g,
    '\\u003c',
  );
  const [head, ...rest] = page.toString('utf8').split('</head>');
  if (!rest.length) return head!;
  return [`${head}<script type="application/json" id="omegaverse-scenario">${data}</script>`, ...rest].join(
    '</head>',
  );
}

/** The Host headers a browser sends to this server: a loopback name with the port (not a rebound DNS name). */
function loopbackHosts(port: number): Set<string> {
  return new Set(['127.0.0.1', 'localhost', '[::1]'].map((host) => `${host}:${port}`));
}

/** The error for a port the server cannot listen on, with what to do about it. */
function listenError(error: NodeJS.ErrnoException, port: number): Error {
  const hint = 'hint: pick another with --port N, or --port 0 for any free port';
  if (error.code === 'EADDRINUSE') return new Error(`port ${port} on 127.0.0.1 is in use\n  ${hint}`);
  if (error.code === 'EACCES') return new Error(`port ${port} on 127.0.0.1 needs privileges\n  ${hint}`);
  return new Error(`cannot listen on 127.0.0.1:${port}: ${error.message}`);
}

/** Serves the sandbox on 127.0.0.1; resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const given = resolve(options.root ?? WEB_ROOT);
  let root: string;
  try {
    await stat(join(given, 'index.html'));
    root = await realpath(given);
  } catch {
    throw new Error(
      `the sandbox is not built (no ${join(given, 'index.html')}): run \`npm run build:web\` (npm ci does it too)`,
    );
  }
  const index = join(root, 'index.html');
  let hosts = new Set<string>();
  const assets = join(root, 'assets') + sep;
  /** Each asset compressed once: a build's asset never changes under its name. */
  const zipped = new Map<string, Buffer>();
  const gzipAsset = (file: string, body: Buffer) => () => {
    const kept = zipped.get(file) ?? gzipSync(body);
    zipped.set(file, kept);
    return kept;
  };
  const server = createServer(async (request, response) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      response.end(body);
    };
    if (!hosts.has(request.headers.host?.toLowerCase() ?? ''))
      return send(421, 'misdirected request: this server answers only to 127.0.0.1, localhost or [::1]');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed');
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request');
    }
    // Only the app's own files: a path that resolves outside the root, or names a dotfile, is not found.
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if ((file !== root && !file.startsWith(root + sep)) || path.includes('\0') || /(^|\/)\./.test(path)) {
      return send(404, 'not found');
    }
    // A regular file whose real path is inside the root: a link out of it, a FIFO or a folder is not found.
    let body: Buffer;
    try {
      const real = await realpath(file);
      if (!real.startsWith(root + sep) || !(await stat(real)).isFile()) return send(404, 'not found');
      body = await readFile(real);
    } catch {
      return send(404, 'not found');
    }
    if (file === index && options.scenario) {
      try {
        body = Buffer.from(withScenario(body, options.scenario));
      } catch (error) {
        return send(500, error instanceof UserError ? error.message : 'cannot read the scenario');
      }
    }
    const asset = file.startsWith(assets);
    const reply = fileResponse(
      body,
      TYPES[extname(file)] ?? 'application/octet-stream',
      request.headers['accept-encoding'],
      asset,
      asset ? gzipAsset(file, body) : undefined,
    );
    response.writeHead(200, reply.headers);
    response.end(reply.body);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (error) => fail(listenError(error, options.port ?? 0)));
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  hosts = loopbackHosts(port);
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
