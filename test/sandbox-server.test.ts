/** The sandbox server: loopback only, the app's files only, never a path outside them. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/cli/sandbox.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
  body: string;
}

/** A raw GET, so that `..` reaches the server as written (fetch would normalise it). */
function get(url: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        done({ status: res.statusCode ?? 0, headers: res.headers, bytes, body: bytes.toString('utf8') });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

const APP_JS = 'console.log("the app");\n'.repeat(40);

describe('sandbox server', () => {
  const base = mkdtempSync(join(tmpdir(), 'omegaverse-sandbox-'));
  const root = join(base, 'app');
  let sandbox: Sandbox;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>sandbox</title></head><body></body>');
    writeFileSync(join(root, 'assets', 'app.js'), APP_JS);
    writeFileSync(join(root, '.env'), 'secret');
    writeFileSync(join(base, 'secret.txt'), 'outside the app');
    writeFileSync(join(base, 'scene.yaml'), 'omegaverse: 1\n');
    writeFileSync(join(base, 'evil.yaml'), 'title: "</script><script>alert(1)</script>"\n');
    symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
    symlinkSync(base, join(root, 'assets', 'up'));
    symlinkSync(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
    spawnSync('mkfifo', [join(root, 'pipe.txt')]);
    sandbox = await startSandbox({ root, scenario: join(base, 'scene.yaml') });
  });
  afterAll(() => sandbox.close());

  it('listens on 127.0.0.1 only, on a free port', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves the app's files", async () => {
    const page = await get(sandbox.url, '/');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/^<!doctype html><title>sandbox<\/title>/);
    expect(await get(sandbox.url, '/assets/app.js')).toMatchObject({ status: 200 });
  });

  it('gzips text for a browser that takes it, and sends it plain to one that does not', async () => {
    const zipped = await get(sandbox.url, '/assets/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(zipped.bytes).toString('utf8')).toBe(APP_JS);
    const page = await get(sandbox.url, '/', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(page.bytes).toString('utf8')).toContain('<title>sandbox</title>');
    const plain = await get(sandbox.url, '/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(APP_JS);
  });

  it("lets the build's hashed assets be cached for good, and the page never", async () => {
    expect((await get(sandbox.url, '/assets/app.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get(sandbox.url, '/')).headers['cache-control']).toBe('no-cache');
    expect((await get(sandbox.url, '/index.html')).headers['cache-control']).toBe('no-cache');
    expect((await get(sandbox.url, '/nope.js')).headers['cache-control']).toBe('no-store');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/.env',
    '/nope.js',
    '/leak.txt',
    '/assets/up/secret.txt',
    '/pipe.txt',
  ])('does not serve %s', async (path) => {
    const response = await get(sandbox.url, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('outside the app');
    expect(response.body).not.toContain('secret');
  });

  it('writes the scenario named on the command line into the page, as inert data', async () => {
    const page = await get(sandbox.url, '/');
    expect(page.body).toContain(
      '<script type="application/json" id="omegaverse-scenario">{"name":"scene.yaml","text":"omegaverse: 1\\n"}</script>',
    );
  });

  it('a scenario cannot close the data block it is written into', async () => {
    const evil = await startSandbox({ root, scenario: join(base, 'evil.yaml') });
    try {
      const page = await get(evil.url, '/');
      expect(page.body).not.toContain('<script>alert(1)');
      expect(page.body).toContain('\\u003c/script>\\u003cscript>alert(1)');
    } finally {
      await evil.close();
    }
  });

  it('follows a link that stays inside the app', async () => {
    expect(await get(sandbox.url, '/alias.js')).toMatchObject({ status: 200, body: APP_JS });
  });

  it('answers only requests addressed to a loopback name and its port (no DNS rebinding)', async () => {
    const { port } = new URL(sandbox.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`])
      expect((await get(sandbox.url, '/', { host })).status, host).toBe(200);
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${Number(port) + 1}`,
    ]) {
      const refused = await get(sandbox.url, '/', { host });
      expect(refused.status, host).toBe(421);
      expect(refused.body).not.toContain('sandbox');
    }
  });

  it('writes every replacement pattern of String.replace into the page as it is', async () => {
    const text = 'title: "$& $\' $` $$ $1 $<name> $"\n# $\'</head>\n';
    writeFileSync(join(base, 'dollars.yaml'), text);
    const dollars = await startSandbox({ root, scenario: join(base, 'dollars.yaml') });
    try {
      const page = (await get(dollars.url, '/')).body;
      const data = /<script type="application\/json" id="omegaverse-scenario">(.*?)<\/script>/.exec(
        page,
      )?.[1];
      expect(JSON.parse(data ?? 'null')).toEqual({ name: 'dollars.yaml', text });
      expect(page.endsWith('</head><body></body>')).toBe(true);
    } finally {
      await dollars.close();
    }
  });

  it('says which port is in use and how to pick another', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(startSandbox({ root, port })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is in use\n  hint: pick another with --port N, or --port 0 for any free port`,
      );
    } finally {
      taken.close();
    }
  });

  it('says how to build the app when it is missing', async () => {
    await expect(startSandbox({ root: join(base, 'missing') })).rejects.toThrow(/npm run build:web/);
  });
});
