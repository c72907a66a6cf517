/**
 * The sandbox page: a scenario editor beside a live run of it. Every edit goes to the engine (a Web
 * Worker, see engine-client.ts), which validates it and runs the last valid version; the page shows
 * what comes back through the map, the log and its explanations, the beliefs, the charts and the
 * calendar. The page itself only draws, so typing and scrubbing never wait for the engine. Nothing
 * leaves the machine: no requests, and edits are kept only in this browser's localStorage.
 */
import { type Names, namesOf, type WorldDefinition, type WorldEvent } from '../src/index.js';
import type { Reading } from '../src/report/scene-charts.js';
import { BeliefsView } from './beliefs.js';
import { CalendarView } from './calendar.js';
import { ChartsView } from './charts.js';
import { byId, el, replace } from './dom.js';
import { createEditor, renderErrors } from './editor.js';
import { startEngine } from './engine-client.js';
import { LogView } from './log.js';
import { MapView } from './map.js';
import { PlayPanel } from './play.js';
import type { Progress, Reply, WorldView } from './protocol.js';
import { gridTime } from './run.js';
import { bundledScenes, defaultScene, sceneNamed } from './scenes.js';
import { clearEdits, download, lastScene, loadEdits, rememberScene, saveEdits } from './storage.js';
import { Transport } from './transport.js';

/** How often the heavier panels (beliefs, charts, calendar) redraw while playing, ms. */
const HEAVY_EVERY = 250;

/** One valid run, as far as the engine has sent it. */
interface RunOnPage {
  id: number;
  def: WorldDefinition;
  names: Names;
  sampleEvery: number;
  /** the log up to the time shown */
  events: WorldEvent[];
  /** the charts' readings, by sample index, as far as the run has reached */
  readings: Reading[];
  /** the largest place concentration read so far: the map's colour scale */
  peak: number;
}

declare global {
  interface Window {
    omegaverseSandbox: { runToEnd(): void; idle(): boolean };
  }
}

/** Starts the page; `engineScript` is the script the engine's worker runs (this page's own). */
export function startPage(engineScript: string | undefined): void {
  const sceneSelect = byId<HTMLSelectElement>('scene');
  const savedNote = byId('saved');
  const title = byId('scene-title');
  const validity = byId('validity');
  const errorList = byId('errors');

  let sceneName = defaultScene().name;
  /** the newest valid run the engine started, and the one on screen (the same once it has shown a frame) */
  let latest: RunOnPage | undefined;
  let shown: RunOnPage | undefined;
  let view: WorldView | undefined;
  /** the text last sent to the engine, and how many texts were sent (a reply about an older one is stale) */
  let sentText: string | undefined;
  let sentCount = 0;
  let validatedCount = 0;
  /** how far the newest run has been computed */
  let reached = 0;
  let lastHeavy = 0;
  /** whether a scene is in the editor yet (its text is then the author's, to keep) */
  let opened = false;

  const engine = startEngine(engineScript, receive);
  const map = new MapView(byId('map'), byId('map-legend'), byId('map-detail'));
  const log = new LogView(byId<HTMLOListElement>('log'), byId('explain'), byId('log-count'));
  const beliefs = new BeliefsView(
    byId('beliefs'),
    byId<HTMLSelectElement>('who-knows'),
    byId('who-knows-list'),
    byId('beliefs-key'),
  );
  const charts = new ChartsView(byId('charts'));
  const calendar = new CalendarView(
    byId('calendar'),
    byId<HTMLSelectElement>('viewer'),
    byId('calendar-body'),
  );
  const transport = new Transport(
    {
      seek: (at) => engine.send({ kind: 'seek', at }),
      step: () => engine.send({ kind: 'step' }),
    },
    () => render(true),
  );
  // A game of the scene as one of its characters, beside the run (runs in the page: it waits on the player).
  const playAs = new PlayPanel(byId('view'));
  beliefs.onPick = () => render(true);
  calendar.onPick = () => render(true);

  function receive(reply: Reply): void {
    switch (reply.kind) {
      case 'validated':
        validated(reply);
        break;
      case 'progress':
        progress(reply.run, reply.progress);
        break;
      case 'frame':
        frame(reply.run, reply.view);
        break;
      case 'failed':
        validity.textContent = `The engine stopped on an error of its own: ${reply.message}. Edit the scenario to start again.`;
        validity.className = 'status bad';
    }
  }

  /** The engine's verdict on a text: its errors shown (if it is still the newest), a valid one's run kept. */
  function validated(reply: Extract<Reply, { kind: 'validated' }>): void {
    if (reply.run) {
      const { id, definition: def, sampleEvery } = reply.run;
      latest = { id, def, names: namesOf(def), sampleEvery, events: [], readings: [], peak: 0 };
    }
    validatedCount = reply.serial;
    if (reply.serial !== sentCount) return;
    editor.showErrors(reply.errors, reply.warnings);
    renderErrors(
      errorList,
      validity,
      reply.errors,
      (e) => editor.focusAt(e.line, e.column),
      shown !== undefined,
    );
  }

  function runOf(id: number): RunOnPage | undefined {
    return latest?.id === id ? latest : shown?.id === id ? shown : undefined;
  }

  function progress(id: number, p: Progress): void {
    const run = runOf(id);
    if (!run) return;
    run.readings.length = p.from;
    for (const reading of p.readings) {
      run.readings.push(reading);
      for (const c of reading.concentration) if (c > run.peak) run.peak = c;
    }
    if (run === latest) {
      reached = p.reached;
      transport.progress(p.reached / Math.max(1, run.def.until), run === shown);
    }
  }

  /** The world at a time: a new run goes on screen with its first frame, in place of the last one. */
  function frame(id: number, next: WorldView): void {
    const run = runOf(id);
    if (!run) return;
    if (run !== shown) {
      shown = run;
      title.textContent = run.def.title;
      map.build(run.def);
      log.reset(run.def, run.names);
      beliefs.reset(run.def, run.names);
      charts.reset();
      calendar.reset(run.def);
      playAs.reset(run.def);
      transport.attach(run.def);
    }
    run.events.length = next.from;
    run.events.push(...next.events);
    view = next;
    transport.shown(next.at);
    render();
  }

  /**
   * Draws the world on screen. The heavier panels follow a few times a second while the time moves
   * (playing, scrubbing), and at once when it stops there (or `all`: a viewer picked).
   */
  function render(all = false): void {
    const run = shown;
    if (!run || !view) return;
    log.update(run.events);
    map.update(view, run.peak);
    const now = performance.now();
    if (!all && !transport.answered && now - lastHeavy < HEAVY_EVERY) return;
    lastHeavy = now;
    drawHeavy();
  }

  /**
   * The heavier panels, each in a task of its own: no one task holds the page for long. Asked again
   * while a round is under way, another round follows it (the first may have drawn an older time).
   */
  let heavy: 'idle' | 'drawing' | 'again' = 'idle';
  function drawHeavy(): void {
    if (heavy !== 'idle') {
      heavy = 'again';
      return;
    }
    heavy = 'drawing';
    const panels = [
      (_: RunOnPage, world: WorldView) => beliefs.update(world),
      (run: RunOnPage, world: WorldView) =>
        charts.update(run.def, readingsUpTo(run, world.at), run.sampleEvery),
      (run: RunOnPage, world: WorldView) => calendar.update(world, run.events),
    ];
    const next = () => {
      const panel = panels.shift();
      if (panel) {
        if (shown && view) panel(shown, view);
        setTimeout(next, 0);
        return;
      }
      const again = heavy === 'again';
      heavy = 'idle';
      if (again) drawHeavy();
    };
    setTimeout(next, 0);
  }

  /** The readings sampled at or before `at`, one per instant. */
  function readingsUpTo(run: RunOnPage, at: number): Reading[] {
    const out: Reading[] = [];
    for (let k = 0; k < run.readings.length && gridTime(k, run.sampleEvery, run.def.until) <= at; k++) {
      const reading = run.readings[k]!;
      if (out[out.length - 1]?.t !== reading.t) out.push(reading);
    }
    return out;
  }

  /** Sends the text to the engine (a valid one replaces the run, kept at the time shown). */
  function validate(text: string, fresh: boolean): void {
    if (text === sentText && !fresh) return;
    sentText = text;
    sentCount++;
    engine.send({
      kind: 'load',
      serial: sentCount,
      text,
      name: sceneName,
      at: fresh ? 0 : transport.time,
      fresh,
    });
  }

  /** No valid version to run: the views empty, the transport idle. */
  function clear(): void {
    latest = undefined;
    shown = undefined;
    view = undefined;
    title.textContent = 'No valid scenario yet';
    transport.detach();
    map.clear();
    log.clear();
    beliefs.clear();
    charts.reset();
    calendar.clear();
    playAs.clear();
  }

  /** Keeps the author's edits (or forgets them when the text is the bundled one again). */
  function keep(text: string): void {
    const bundled = sceneNamed(sceneName)?.text;
    if (text === bundled) {
      if (loadEdits(sceneName) === undefined) return;
      clearEdits(sceneName);
      savedNote.textContent = 'no edits: the bundled text';
    } else {
      savedNote.textContent = saveEdits(sceneName, text)
        ? 'edits kept in this browser'
        : 'this browser keeps no edits: download to save them';
    }
  }

  /** Opens a bundled scene (with the author's kept edits, if any); the scene on screen is kept first. */
  function open(name: string, keepCurrent = true): void {
    if (keepCurrent && opened) keep(editor.text());
    opened = true;
    const scene = sceneNamed(name) ?? defaultScene();
    sceneName = scene.name;
    sceneSelect.value = scene.name;
    rememberScene(scene.name);
    const edited = loadEdits(scene.name);
    savedNote.textContent = edited !== undefined && edited !== scene.text ? 'showing your kept edits' : '';
    clear();
    editor.setText(edited ?? scene.text);
    validate(editor.text(), true);
  }

  // -----------------------------------------------------------------------------------------------

  replace(
    sceneSelect,
    bundledScenes().map((s) => el('option', { value: s.name }, s.label)),
  );
  const initial = sceneNamed(lastScene() ?? '') ?? defaultScene();
  const editor = createEditor(byId('editor'), initial.text, (text) => {
    keep(text);
    validate(text, false);
  });
  open(initial.name);

  sceneSelect.addEventListener('change', () => open(sceneSelect.value));
  byId('download').addEventListener('click', () => download(sceneName, editor.text()));
  byId('reset').addEventListener('click', () => {
    const scene = sceneNamed(sceneName) ?? defaultScene();
    const edited = editor.text() !== scene.text;
    clearEdits(scene.name);
    open(scene.name, false);
    if (edited)
      savedNote.textContent = 'back to the bundled text (Ctrl+Z in the editor brings your edits back)';
  });

  /** Space plays or pauses, → steps: not while typing, nor on a control that uses the key itself. */
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('.cm-editor, input, select, textarea, [contenteditable]')) return;
    const onButton = target?.closest('button');
    if (e.key === ' ') {
      // On the play or pause button Space still toggles; on any other button it presses that button.
      if (onButton && !onButton.matches('#play, #pause')) return;
      e.preventDefault();
      transport.toggle();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      transport.step();
    }
  });

  let resizing = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = window.setTimeout(() => render(true), 200);
  });

  /** For tests and the curious: go to the end of the run at once; whether all asked is done and drawn. */
  window.omegaverseSandbox = {
    runToEnd: () => transport.toEnd(),
    idle: () =>
      heavy === 'idle' &&
      validatedCount === sentCount &&
      latest === shown &&
      transport.answered &&
      (shown === undefined || reached >= shown.def.until),
  };
}
