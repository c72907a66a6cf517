/**
 * The web game of docs/embedding.md, exactly as the doc writes it (its two files are read from the
 * doc), served on 127.0.0.1 with the library built as one ES module (`dist-browser/omegaverse.js`) and
 * played in Debian's Chromium: the page tells what the same game tells in Node, choice for choice.
 * Screenshots go to test-artifacts/.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Play } from '../src/play/play.js';
import { CHROMIUM, CHROMIUM_FLAGS, hasChromium } from './chromium.js';
import { compile, ROOT } from './helpers.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const BUNDLE = join(ROOT, 'dist-browser', 'omegaverse.js');

/** The files the doc writes out, each in the code block after its `<!-- file: NAME -->` line. */
function exampleFiles(): Record<string, string> {
  const doc = readFileSync(join(ROOT, 'docs', 'embedding.md'), 'utf8');
  const files: Record<string, string> = {};
  for (const match of doc.matchAll(/<!-- file: (\S+) -->\s*```\w+\n([\s\S]*?)```/g))
    files[match[1]!] = match[2]!;
  return files;
}

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

// The module tested is the code under test: rebuilt when the sources are newer.
if (hasChromium() && (!existsSync(BUNDLE) || newest(join(ROOT, 'src')) > statSync(BUNDLE).mtimeMs)) {
  const vite = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '-c', 'vite.browser.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (vite.status !== 0) throw new Error(`building the browser module failed:\n${vite.stdout}${vite.stderr}`);
}

const ready = hasChromium() && existsSync(BUNDLE);
const missing = `the embedding test needs ${CHROMIUM} (apt-get install -y chromium)`;
if (!ready && process.env.CI) throw new Error(missing);
if (!ready) console.warn(`SKIPPED: ${missing}`);

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

describe('the docs’ web game', () => {
  it('is two files and a scene the library reads', () => {
    const files = exampleFiles();
    expect(Object.keys(files).sort()).toEqual(['game.js', 'index.html']);
    expect(files['index.html']).toContain('<script type="module" src="game.js"></script>');
    expect(files['game.js']).toContain("from './omegaverse.js'");
    // No Node API in the page's script.
    expect(files['game.js']).not.toMatch(/node:|require\(|process\./);
  });
});

describe.skipIf(!ready)('the docs’ web game in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let url: string;
  const failures: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'omegaverse-game-'));
    for (const [name, text] of Object.entries(exampleFiles())) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'omegaverse.js'), readFileSync(BUNDLE));
    server = createServer((request, response) => {
      const name = (request.url ?? '/').split('?')[0] === '/' ? 'index.html' : request.url!.slice(1);
      const path = join(dir, name);
      if (!existsSync(path) || name.includes('..')) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' });
      response.end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 900, height: 800 } });
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()}`));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** The same game in Node, from the scene the page's script holds. */
  function nodeGame(): Play {
    const scene = /const SCENE = `([\s\S]*?)`;/.exec(exampleFiles()['game.js']!)![1]!;
    return Play.start(compile(scene, 'checkpoint.yaml'), { as: 'mara' });
  }

  const storyText = () => page.locator('#story p').allTextContents();

  it('tells the first moment and offers Mara’s choices as buttons, as the game does in Node', async () => {
    await page.goto(url);
    await page.locator('#choices button').first().waitFor();
    const game = nodeGame();
    const told = game.next().map((p) => `${p.stamp.slice(0, 5)}${p.text}`);
    expect(await storyText()).toEqual(told);
    const buttons = await page.locator('#choices button').allTextContents();
    expect(buttons).toEqual([...game.choices().map((c) => c.text), 'wait', 'save']);
    expect(failures).toEqual([]);
    await shot('embedding-1-start');
  });

  it('plays a few turns: each button takes its choice and tells what follows', async () => {
    const game = nodeGame();
    const expected = game.next().map((p) => `${p.stamp.slice(0, 5)}${p.text}`);
    for (const label of ['wait', 'tell Sol that you are a beta', 'wait', 'refuse Sol', 'wait', 'wait']) {
      if (label !== 'wait')
        expect(game.choose(game.choices().findIndex((c) => c.text === label)).ok).toBe(true);
      expected.push(...game.next().map((p) => `${p.stamp.slice(0, 5)}${p.text}`));
      await page.locator('#choices button', { hasText: new RegExp(`^${label}$`) }).click();
    }
    await expect.poll(storyText).toEqual(expected);
    expect((await storyText()).join(' ')).toContain('Mara refused Sol');
    expect(failures).toEqual([]);
    await shot('embedding-2-turns');
  });
});
