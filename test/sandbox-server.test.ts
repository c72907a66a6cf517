/** The sandbox server: loopback only, the app's files only, never a path outside them. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/cli/sandbox.js';

/** A raw GET, so that `..` reaches the server as written (fetch would normalise it). */
function get(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('sandbox server', () => {
  const base = mkdtempSync(join(tmpdir(), 'omegaverse-sandbox-'));
  const root = join(base, 'app');
  let sandbox: Sandbox;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>sandbox</title></head><body></body>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, '.env'), 'secret');
    writeFileSync(join(base, 'secret.txt'), 'outside the app');
    writeFileSync(join(base, 'scene.yaml'), 'omegaverse: 1\n');
    writeFileSync(join(base, 'evil.yaml'), 'title: "</script><script>alert(1)</script>"\n');
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

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/.env',
    '/nope.js',
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

  it('says how to build the app when it is missing', async () => {
    await expect(startSandbox({ root: join(base, 'missing') })).rejects.toThrow(/npm run build:web/);
  });
});
