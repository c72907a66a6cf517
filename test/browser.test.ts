/**
 * The sandbox in a real browser: Debian's Chromium driven by playwright-core (never a downloaded
 * browser). The page is served by the real sandbox server, and checked against the engine run here in
 * Node. Screenshots of each state go to test-artifacts/ (not committed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAK_WORDS } from '../src/calendar/index.js';
import { type Sandbox, startSandbox, WEB_ROOT } from '../src/cli/sandbox.js';
import { World } from '../src/engine/world.js';
import { findEvent } from '../src/model/explain.js';
import { namesOf, narrate } from '../src/narrate/language/narrate.js';
import { Play } from '../src/play/play.js';
import { loadScenario } from '../src/scenario/index.js';
import { formatClock } from '../src/units/time.js';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.js';
import { bundled, ROOT } from './helpers.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');

/** The newest modification time of the files under `dir`, in ms. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

// The page is the built app (dist-web/): rebuilt here when the sources are newer, so that the page
// tested is the code under test.
const built = join(WEB_ROOT, 'index.html');
if (
  existsSync(CHROMIUM) &&
  (!existsSync(built) ||
    Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'web'))) > statSync(built).mtimeMs)
) {
  const vite = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build'], { cwd: ROOT, encoding: 'utf8' });
  if (vite.status !== 0)
    throw new Error(`building the sandbox failed (vite build):\n${vite.stdout}${vite.stderr}`);
}

// CI installs Chromium and builds the app (`.ci/run`): there, a missing one fails the run. A developer
// without them is told so on the console, and the browser tests are skipped.
const ready = existsSync(CHROMIUM) && existsSync(built);
const missing = `browser tests need ${CHROMIUM} (apt-get install -y chromium) and a built dist-web/ (npm run build:web)`;
if (!ready && process.env.CI) throw new Error(missing);
if (!ready) console.warn(`SKIPPED: ${missing}`);

/**
 * The page's test hooks, and what the tests keep in the page. (The tests compile without the DOM
 * library, and a function given to `page.evaluate` runs in the page: it names its globals through a cast.)
 */
interface PageHooks {
  omegaverseSandbox: { runToEnd(): void; idle(): boolean };
  longest: number;
  PerformanceObserver: new (
    report: (list: { getEntries(): { duration: number }[] }) => void,
  ) => { observe(options: { type: string }): void };
}

/** Waits until the engine has done everything the page asked of it (and computed its run to the end). */
async function settle(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as PageHooks).omegaverseSandbox.idle()), {
      timeout: 30_000,
    })
    .toBe(true);
}

/** Starts recording the longest main-thread task from now on, as the Long Tasks API reports them. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageHooks;
    g.longest = 0;
    new g.PerformanceObserver((list) => {
      for (const task of list.getEntries()) g.longest = Math.max(g.longest, task.duration);
    }).observe({ type: 'longtask' });
  });
}

/** The longest task recorded since `watchLongTasks` (0: none over the API's 50 ms). */
const longestTask = (page: Page) => page.evaluate(() => (globalThis as unknown as PageHooks).longest);

/** Where the focused element is, against the sticky play bar and the window. */
interface FocusPlace {
  entry: string | undefined;
  top: number;
  bottom: number;
  barBottom: number;
  windowHeight: number;
}

/** The focused element's place on screen (run in the page: its DOM typed by hand). */
function focusPlace(): FocusPlace {
  interface Box {
    getBoundingClientRect(): { top: number; bottom: number };
  }
  const g = globalThis as unknown as {
    document: { activeElement: Box & { dataset: { event?: string } }; querySelector(s: string): Box };
    innerHeight: number;
  };
  const focused = g.document.activeElement;
  const box = focused.getBoundingClientRect();
  return {
    entry: focused.dataset.event,
    top: box.top,
    bottom: box.bottom,
    barBottom: g.document.querySelector('.transport').getBoundingClientRect().bottom,
    windowHeight: g.innerHeight,
  };
}

/** The long-task figures measured, printed at the end for the record. */
const measured: string[] = [];

describe.skipIf(!ready)('the sandbox in Chromium', () => {
  let browser: Browser;
  let sandbox: Sandbox;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  /** Moves the scrubber to `t` as a drag would, and waits until the engine has shown it. */
  const scrubTo = async (t: number) => {
    await page.getByTestId('scrubber').evaluate((input, value) => {
      const range = input as unknown as { value: string; dispatchEvent(event: unknown): boolean };
      range.value = String(value);
      const { Event } = globalThis as unknown as { Event: new (type: string, init: object) => unknown };
      range.dispatchEvent(new Event('input', { bubbles: true }));
    }, t);
    await settle(page);
  };

  /** Opens a bundled scene and waits until its run is computed. */
  const open = async (name: string) => {
    await page.getByTestId('scene-select').selectOption(name);
    await settle(page);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    sandbox = await startSandbox();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()}`));
    await page.goto(sandbox.url);
    await page.getByTestId('map').locator('[data-testid^="place-"]').first().waitFor();
    expect(failures).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    if (measured.length) console.info(`Long Tasks: ${measured.join('; ')}`);
    await browser?.close();
    await sandbox?.close();
  });

  it('opens the bundled medbay scene, plays it to the end, and shows what the engine computes', async () => {
    const def = bundled('medbay.yaml');
    const world = World.create(def);
    world.run();
    await page.evaluate(() =>
      (globalThis as unknown as { omegaverseSandbox: { runToEnd(): void } }).omegaverseSandbox.runToEnd(),
    );
    await expect.poll(() => page.getByTestId('clock').getAttribute('data-time')).toBe(String(def.until));
    for (const place of def.places) {
      const shown = await page.getByTestId(`place-${place.id}`).getAttribute('data-concentration');
      expect(Number(shown)).toBeCloseTo(world.concentration(place.id).total, 4);
    }
    await expect
      .poll(() => page.getByTestId('log').locator('[data-testid^="event-"]').count())
      .toBe(world.events.length);
    const last = world.events.at(-1)!;
    expect(await page.getByTestId(`event-${last.id}`).textContent()).toContain(narrate(last, namesOf(def)));
    await shot('1-medbay-end');
  });

  it('explains the restraint when its event is clicked', async () => {
    const world = World.create(bundled('medbay.yaml'));
    world.run();
    const restraint = findEvent(world.events, 'restrain:rey:finn')!;
    await page.getByTestId(`event-${restraint.id}`).click();
    const explain = page.getByTestId('explain');
    await expect.poll(() => explain.textContent()).toContain('Rey seized Finn and held him back.');
    const text = (await explain.textContent()) ?? '';
    expect(text).toContain('rule guard-approach');
    expect(text).toContain('Finn came close to Phasma.');
    expect(text).toContain("Phasma obeyed Finn's order to take off the sealed helmet.");
    await shot('2-explain-restraint');
  });

  it('marks an error typed into the editor at its line', async () => {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(
      'omegaverse: 1\nplaces:\n  room: { volume: big, ventilation: 1 }\ncharacters:\n  a: { representation: alpha, at: room }\n',
    );
    const errors = page.getByTestId('error-list');
    await expect.poll(() => errors.textContent(), { timeout: 5000 }).toContain('line 3, column 19');
    expect((await errors.textContent()) ?? '').toContain("got 'big'");
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    const marked = await page
      .locator('.cm-lintRange-error')
      .first()
      .evaluate((el) => el.closest('.cm-line')?.textContent ?? '');
    expect(marked).toContain('volume: big');
    await shot('3-editor-error');
    await page.getByTestId('reset').click();
  });

  it('datapad: the lieutenant never sees heat; the record holder does', async () => {
    await page.getByTestId('scene-select').selectOption('datapad.yaml');
    await page.getByTestId('map').locator('[data-testid="place-hux-quarters"]').waitFor();
    const calendar = page.getByTestId('calendar');
    await page.getByTestId('viewer').selectOption('mitaka');
    await expect.poll(() => calendar.textContent()).toContain('As Lieutenant Mitaka sees it');
    expect(await calendar.locator('.conflict').first().textContent()).toContain('medical leave');
    const seen = ((await calendar.textContent()) ?? '').toLowerCase();
    for (const word of LEAK_WORDS) expect(seen).not.toContain(word);
    await shot('4-datapad-lieutenant');
    await page.getByTestId('viewer').selectOption('medic');
    await expect.poll(() => calendar.textContent()).toContain('As Medical Officer sees it');
    expect(await calendar.locator('.conflict').first().textContent()).toContain('heat');
    await shot('5-datapad-medic');
  });

  it('plays the medbay as Phasma: choices as buttons, the scene as she lives it, as Play tells it in Node', async () => {
    await page.getByTestId('scene-select').selectOption('medbay.yaml');
    await page.getByTestId('play-as-panel').locator('summary').click();
    await page.getByTestId('play-as').selectOption('phasma');
    await page.getByTestId('play-start').click();
    const game = Play.start(bundled('medbay.yaml'), { as: 'phasma' });
    const expected = game.next().map((p) => `${p.stamp.slice(0, 8)} ${p.text}`);
    const story = () => page.getByTestId('play-story').locator('p').allTextContents();
    await expect.poll(story).toEqual(expected);
    for (const label of ['wait', 'wait', 'tell Rey that you are a beta', 'wait']) {
      if (label !== 'wait') game.choose(game.choices().findIndex((c) => c.text === label));
      expected.push(...game.next().map((p) => `${p.stamp.slice(0, 8)} ${p.text}`));
      await page.getByTestId('play-choices').getByRole('button', { name: label, exact: true }).click();
    }
    await expect.poll(story).toEqual(expected);
    expect(expected.join(' ')).toContain('Phasma told Rey that she herself is a beta.');
    expect(expected.join(' ')).not.toContain('Rey now believes');
    // From the top of the page, so that the sticky transport stays where it belongs, over nothing.
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    const box = (await page.getByTestId('play-as-panel').boundingBox())!;
    await page.screenshot({ path: join(ARTIFACTS, '7-play-as-phasma.png'), fullPage: true, clip: box });
    // Folded again, as the page opens: the tests after this one see the page as a visitor first does.
    await page.getByTestId('play-as-panel').locator('summary').click();
  });

  it('fits a phone-width screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => {
      // Runs in the page: its globals, typed here by hand (the tests compile without the DOM library).
      const page = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number } };
        innerWidth: number;
      };
      return page.document.documentElement.scrollWidth - page.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
    await shot('6-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows a scenario containing markup as text, never as markup', async () => {
    await page.getByTestId('scene-select').selectOption('medbay.yaml');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(
      'omegaverse: 1\ntitle: "<img src=x onerror=alert(1)>"\nplaces:\n  room: { volume: 50, ventilation: 1 }\ncharacters:\n  x: { name: "<img src=x onerror=alert(1)>", representation: alpha, at: room }\n  y: { name: Y, representation: omega, at: room }\ntimeline:\n  - { at: "0:00:05", actor: x, do: say, text: "</script><script>alert(2)</script>" }\n',
    );
    await expect
      .poll(() => page.getByTestId('token-x').textContent(), { timeout: 5000 })
      .toContain('<img src=x');
    expect(await page.locator('img').count()).toBe(0);
    await page.getByTestId('reset').click();
  });

  it('typing into the datapad scene at its end never blocks the page for 100 ms', async () => {
    await open('datapad.yaml');
    await page.evaluate(() => (globalThis as unknown as PageHooks).omegaverseSandbox.runToEnd());
    await settle(page);
    await watchLongTasks(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    // Pauses longer than the editor's wait make each part a new valid text: a new run, the last one dropped.
    for (const part of ['\n# a note', ' typed', ' at the end']) {
      await page.keyboard.type(part, { delay: 60 });
      await page.waitForTimeout(450);
    }
    await settle(page);
    const longest = await longestTask(page);
    measured.push(`typing at the end of datapad ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(100);
    const def = bundled('datapad.yaml');
    expect(await page.getByTestId('clock').getAttribute('data-time')).toBe(String(def.until));
    const world = World.create(def);
    world.run();
    expect(await page.getByTestId('log').locator('[data-testid^="event-"]').count()).toBe(
      world.events.length,
    );
    await page.getByTestId('reset').click();
  });

  it('scrubbing forward across the datapad scene never blocks the page for 100 ms', async () => {
    await open('datapad.yaml');
    const scrubber = page.getByTestId('scrubber');
    await scrubber.scrollIntoViewIfNeeded();
    const box = (await scrubber.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    await settle(page);
    await watchLongTasks(page);
    await page.mouse.move(box.x + box.width * 0.9, y, { steps: 40 });
    await page.mouse.up();
    await settle(page);
    const longest = await longestTask(page);
    measured.push(`scrubbing datapad from 10% to 90% ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(100);
    // The jump lands where a straight run does.
    const at = Number(await page.getByTestId('clock').getAttribute('data-time'));
    const def = bundled('datapad.yaml');
    expect(at).toBeGreaterThan(def.until * 0.8);
    const world = World.create(def);
    world.runUntil(at);
    expect(await page.getByTestId('log').locator('[data-testid^="event-"]').count()).toBe(
      world.events.length,
    );
  });

  it('opened from file://, where no worker starts, runs the engine in the page', async () => {
    const local = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures: string[] = [];
    local.on('pageerror', (error) => failures.push(error.message));
    try {
      await local.goto(pathToFileURL(built).href);
      await settle(local);
      await local.evaluate(() => (globalThis as unknown as PageHooks).omegaverseSandbox.runToEnd());
      await settle(local);
      const world = World.create(bundled('medbay.yaml'));
      world.run();
      expect(await local.getByTestId('log').locator('[data-testid^="event-"]').count()).toBe(
        world.events.length,
      );
      expect(failures).toEqual([]);
    } finally {
      await local.close();
    }
  });

  it('in a quiet stretch the clock shows the time chosen, and the beliefs the same time', async () => {
    await open('quarters.yaml');
    const def = bundled('quarters.yaml');
    // At 1:00:00 the world is still at its instant of 0:50:20, waiting for the next one.
    const world = World.create(def);
    world.runUntil(3_600);
    expect(world.time).toBeLessThan(3_600);
    await scrubTo(3_600);
    const clock = page.getByTestId('clock');
    expect(await clock.getAttribute('data-time')).toBe('3600');
    expect(await clock.textContent()).toContain(`${formatClock(def.clock, 3_600)} · 1:00:00 of`);
    const caption = page.getByTestId('beliefs').locator('caption');
    await expect.poll(() => caption.textContent()).toContain(`at ${formatClock(def.clock, 3_600)}`);
    // Playing on and pausing: the caption follows the clock, whether or not a belief changed.
    await page.getByTestId('play').click();
    await page.waitForTimeout(600);
    await page.getByTestId('pause').click();
    await settle(page);
    const at = Number(await clock.getAttribute('data-time'));
    expect(at).toBeGreaterThan(3_600);
    await expect.poll(() => caption.textContent()).toContain(`at ${formatClock(def.clock, at)}`);
    await shot('7-quarters-quiet-stretch');
  });

  it("draws each drive against the line it acts at: the shiver explained is the chart's shiver line", async () => {
    await open('datapad.yaml');
    await page.evaluate(() => (globalThis as unknown as PageHooks).omegaverseSandbox.runToEnd());
    await settle(page);
    const world = World.create(bundled('datapad.yaml'));
    world.run();
    const shiver = world.events.find((e) => e.type === 'shiver')!;
    await page.getByTestId(`event-${shiver.id}`).click();
    await expect
      .poll(() => page.getByTestId('explain').textContent())
      .toContain(`discomfort ${shiver.data.discomfort} ≥ threshold ${shiver.data.threshold}`);
    const ren = page.getByTestId('charts').locator('figure', { hasText: 'Kylo Ren (omega)' }).locator('svg');
    await expect.poll(() => ren.textContent()).toContain(`shiver at ${shiver.data.threshold}`);
    expect(await ren.textContent()).not.toContain('self-control');
  });

  it('keeps the scrubber where it is while the clock and the status change, at laptop and phone widths', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await open('datapad.yaml');
      await scrubTo(0);
      const scrubber = page.getByTestId('scrubber');
      const state = page.locator('#play-state');
      // Measured with the page at its top: typing at the end of the editor scrolls the window to the
      // caret (as it should), which is not the play bar reflowing.
      const place = async () => {
        await page.evaluate(() =>
          (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
        );
        const box = (await scrubber.boundingBox())!;
        return { x: box.x, y: box.y, width: box.width };
      };
      const at = await place();
      const seen = [await state.textContent()];
      await page.getByTestId('play').click();
      await expect.poll(() => state.textContent()).toMatch(/^playing/);
      seen.push(await state.textContent());
      expect(await place()).toEqual(at);
      await page.getByTestId('pause').click();
      await page.evaluate(() => (globalThis as unknown as PageHooks).omegaverseSandbox.runToEnd());
      await settle(page);
      expect(await place()).toEqual(at);
      // An edit at the end: a new run to compute, the status says how far it has got.
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n# moved?');
      await expect.poll(() => state.textContent(), { timeout: 5_000 }).toMatch(/^computing/);
      seen.push(await state.textContent());
      expect(await place()).toEqual(at);
      await settle(page);
      expect(await place()).toEqual(at);
      expect(seen).toEqual([
        'paused',
        expect.stringMatching(/^playing at/),
        expect.stringMatching(/^computing… \d+%$/),
      ]);
      await page.getByTestId('reset').click();
      await settle(page);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a log entry reached by keyboard or from an explanation has the focus, clear of the play bar', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open('medbay.yaml');
    await page.evaluate(() => (globalThis as unknown as PageHooks).omegaverseSandbox.runToEnd());
    await settle(page);
    const log = page.getByTestId('log');
    const clear = (at: FocusPlace) => {
      expect(at.top).toBeGreaterThanOrEqual(at.barBottom);
      expect(at.bottom).toBeLessThanOrEqual(at.windowHeight);
    };

    // By keyboard: the page scrolled so that the top of the log is under the bar, then Home.
    await log.locator('button.entry[tabindex="0"]').focus();
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { querySelector(s: string): { getBoundingClientRect(): { top: number } } };
        scrollBy(x: number, y: number): void;
      };
      const logTop = g.document.querySelector('[data-testid="log"]').getBoundingClientRect().top;
      g.scrollBy(0, logTop - 40);
    });
    await page.keyboard.press('Home');
    let at = await page.evaluate(focusPlace);
    expect(at.entry).toBe('1');
    clear(at);

    // From an explanation: its #N link moves the focus to that entry.
    const world = World.create(bundled('medbay.yaml'));
    world.run();
    const restraint = findEvent(world.events, 'restrain:rey:finn')!;
    await page.getByTestId(`event-${restraint.id}`).click();
    const cause = world.events[restraint.causes[0]! - 1]!;
    await page
      .getByTestId('explain')
      .getByRole('button', { name: `#${cause.id}`, exact: true })
      .first()
      .click();
    at = await page.evaluate(focusPlace);
    expect(at.entry).toBe(String(cause.id));
    clear(at);
    expect(await page.getByTestId(`event-${cause.id}`).getAttribute('aria-pressed')).toBe('true');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("wraps the scenes' long lines, and folds the errors that follow from the first under it", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open('datapad.yaml');
    // Nothing runs out of the editor's sight: the scroller never scrolls sideways.
    const scroller = page.locator('.cm-scroller');
    const overflow = await scroller.evaluate((element) => {
      const box = element as unknown as { scrollWidth: number; clientWidth: number };
      return box.scrollWidth - box.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    // The long lines in sight (the scene's comments, its character and expectation lines) take two rows.
    const heights = await page
      .locator('.cm-line')
      .evaluateAll((lines) =>
        lines.map(
          (line) =>
            (line as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect()
              .height,
        ),
      );
    expect(Math.max(...heights)).toBeGreaterThan(1.5 * Math.min(...heights));

    // One typo in a place id: the first error shown, the ones it causes folded under it.
    const typo = readFileSync(join(ROOT, 'scenarios', 'datapad.yaml'), 'utf8').replace(
      'move, to: corridor }',
      'move, to: corridr }',
    );
    const result = loadScenario(typo, 'datapad.yaml');
    if (result.ok) throw new Error('the typo should not compile');
    expect(result.errors.length).toBeGreaterThan(2);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(typo);
    const list = page.getByTestId('error-list');
    await expect.poll(() => list.textContent(), { timeout: 5_000 }).toContain("unknown place 'corridr'");
    const first = result.errors[0]!;
    const shown = list.locator(':scope > li > .error-item');
    expect(await shown.count()).toBe(1);
    expect(await shown.textContent()).toContain(`line ${first.line}, column ${first.column}`);
    const folded = list.locator('details');
    expect(await folded.getAttribute('open')).toBeNull();
    expect(await folded.locator('summary').textContent()).toContain(
      `${result.errors.length - 1} more errors`,
    );
    expect(await folded.locator('.error-item').count()).toBe(result.errors.length - 1);
    expect(await page.locator('#validity').textContent()).toContain(
      `${result.errors.length} errors (fix the first, on line ${first.line}`,
    );
    // In the editor too: one error, the rest marked as what may follow from it.
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBe(1);
    expect(await page.locator('.cm-lintRange-info').count()).toBe(result.errors.length - 1);
    await shot('8-folded-errors');
    await folded.locator('summary').click();
    expect(await folded.getAttribute('open')).not.toBeNull();
    await page.getByTestId('reset').click();
    await settle(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a moved roster event says from when, by whom and why, as each viewer may know it', async () => {
    await open('datapad.yaml');
    const def = bundled('datapad.yaml');
    const world = World.create(def);
    world.run();
    const move = world.events.find((e) => e.type === 'reschedule' && e.data.event === 'briefing')!;
    const clock = (t: number) => formatClock(def.clock, t);
    const calendar = page.getByTestId('calendar');
    const briefing = calendar.locator('[data-event="briefing"]');
    await page.getByTestId('viewer').selectOption('author');

    // Before the move: the proposals, each "when" said once.
    await scrubTo(0);
    await expect.poll(() => calendar.textContent()).toContain(`As the author sees it at ${clock(0)}`);
    const proposals = (await briefing.locator('.proposals').textContent()) ?? '';
    expect(proposals.match(/next week/g)).toHaveLength(1);
    expect(proposals).toMatch(
      /^Could move to: next week: day \d+ 07:00:00, day \d+ 07:00:00 or day \d+ 07:00:00$/,
    );

    // After it: where it was, who moved it, and why.
    await page.evaluate(() => (globalThis as unknown as PageHooks).omegaverseSandbox.runToEnd());
    await settle(page);
    const moved = `Moved here from ${clock(Number(move.data.from))} by General Hux at ${clock(move.t)}`;
    await expect.poll(() => briefing.textContent()).toContain('no conflict at the new time');
    expect(await briefing.textContent()).toContain(
      `${moved}: Kylo Ren's heat is likely at the old time (on leave: General Hux and Kylo Ren).`,
    );
    await shot('9-datapad-moved-author');

    // The lieutenant, who does not know, learns the move and a neutral reason.
    await page.getByTestId('viewer').selectOption('mitaka');
    await expect.poll(() => calendar.textContent()).toContain('As Lieutenant Mitaka sees it');
    expect(await briefing.textContent()).toContain(
      `${moved}: medical leave (on leave: General Hux and Kylo Ren).`,
    );
    const seen = ((await calendar.textContent()) ?? '').toLowerCase();
    for (const word of LEAK_WORDS) expect(seen).not.toContain(word);
    await page.getByTestId('viewer').selectOption('author');
  });

  it('on a phone, the map shows every room of each bundled scene without scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const name of ['medbay.yaml', 'quarters.yaml', 'datapad.yaml']) {
      await open(name);
      const map = page.getByTestId('map');
      const host = (await map.boundingBox())!;
      const rooms = map.locator('rect.room');
      expect(await rooms.count()).toBe(bundled(name).places.length);
      for (const room of await rooms.all()) {
        const box = (await room.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(host.x);
        expect(box.x + box.width).toBeLessThanOrEqual(host.x + host.width + 0.5);
      }
      if (name === 'quarters.yaml') await shot('10-phone-quarters');
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('with no valid scenario to run, the transport is disabled; at the start, one sample', async () => {
    await open('medbay.yaml');
    await scrubTo(0);
    await expect.poll(() => page.getByTestId('charts').textContent()).toContain('(1 sample so far)');
    // Kept edits that do not validate, opened afresh: nothing to run.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('omegaverse: 1\nplaces: {}\n');
    await expect.poll(() => page.locator('#validity').textContent(), { timeout: 5_000 }).toContain('error');
    await page.getByTestId('scene-select').selectOption('quarters.yaml');
    await settle(page);
    await page.getByTestId('scene-select').selectOption('medbay.yaml');
    await settle(page);
    expect(await page.locator('#scene-title').textContent()).toBe('No valid scenario yet');
    for (const control of ['play', 'pause', 'step', 'speed', 'scrubber']) {
      expect(await page.getByTestId(control).isDisabled()).toBe(true);
    }
    await page.getByTestId('reset').click();
    await settle(page);
    for (const control of ['play', 'pause', 'step', 'speed', 'scrubber']) {
      expect(await page.getByTestId(control).isEnabled()).toBe(true);
    }
  });

  it('axe-core finds no serious or critical accessibility issue, at laptop and phone widths', async () => {
    // axe goes into the page as a script of its own: the page's policy, which allows only its own
    // scripts, is set aside for this context alone.
    const context = await browser.newContext({ bypassCSP: true });
    const checked = await context.newPage();
    const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const found: string[] = [];
    try {
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 390, height: 844 },
      ]) {
        await checked.setViewportSize(viewport);
        await checked.goto(sandbox.url);
        await settle(checked);
        await checked.getByTestId('scene-select').selectOption('datapad.yaml');
        await settle(checked);
        await checked.evaluate(() => (globalThis as unknown as PageHooks).omegaverseSandbox.runToEnd());
        await settle(checked);
        // With an explanation open, and errors listed (the first shown, the rest folded).
        await checked.getByTestId('log').locator('button.entry').last().click();
        await checked.locator('.cm-content').click();
        await checked.keyboard.press('Control+End');
        await checked.keyboard.type('\n  - { at: "0:00:05", actor: nobody, do: move, to: nowhere }');
        await expect
          .poll(() => checked.locator('#validity').textContent(), { timeout: 5_000 })
          .toContain('error');
        await checked.addScriptTag({ content: axe });
        const violations = await checked.evaluate(async () => {
          const { axe } = globalThis as unknown as {
            axe: {
              run(): Promise<{
                violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
              }>;
            };
          };
          const result = await axe.run();
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
          }));
        });
        for (const v of violations) {
          const line = `${viewport.width}px ${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`;
          if (v.impact === 'serious' || v.impact === 'critical') found.push(line);
          else console.info(`axe, ${line}`);
        }
        await checked.getByTestId('reset').click();
      }
    } finally {
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
