/**
 * The omegaverse sandbox: a scenario editor beside a live run of it. The page validates the text as it
 * is typed, runs the last valid version in a Session (world, snapshots, samples), and shows it through
 * the map, the log and its explanations, the beliefs, the charts and the calendar. Nothing leaves the
 * machine: no requests, and edits are kept only in this browser's localStorage.
 */
import {
  loadScenario,
  type Names,
  namesOf,
  type ScenarioError,
  type World,
  type WorldDefinition,
} from '../src/index.js';
import { BeliefsView } from './beliefs.js';
import { CalendarView } from './calendar.js';
import { ChartsView } from './charts.js';
import { byId, el, replace } from './dom.js';
import { createEditor, renderErrors } from './editor.js';
import { LogView } from './log.js';
import { MapView } from './map.js';
import { PlayPanel } from './play.js';
import { DEFAULT_SCENE, SCENES, sceneNamed } from './scenes.js';
import { Session } from './session.js';
import { clearEdits, download, lastScene, loadEdits, rememberScene, saveEdits } from './storage.js';
import { type Change, Transport } from './transport.js';

/** How often the heavier panels (beliefs, charts, calendar) redraw while playing, ms. */
const HEAVY_EVERY = 250;

const sceneSelect = byId<HTMLSelectElement>('scene');
const savedNote = byId('saved');
const title = byId('scene-title');
const validity = byId('validity');
const errorList = byId('errors');

let sceneName = DEFAULT_SCENE.name;
let session: Session | undefined;
let names: Names | undefined;
let validated: string | undefined;
let lastHeavy = 0;
/** whether a scene is in the editor yet (its text is then the author's, to keep) */
let opened = false;

const map = new MapView(byId('map'), byId('map-legend'), byId('map-detail'));
const log = new LogView(byId<HTMLOListElement>('log'), byId('explain'), byId('log-count'));
const beliefs = new BeliefsView(
  byId('beliefs'),
  byId<HTMLSelectElement>('who-knows'),
  byId('who-knows-list'),
  byId('beliefs-key'),
);
const charts = new ChartsView(byId('charts'));
const calendar = new CalendarView(byId('calendar'), byId<HTMLSelectElement>('viewer'), byId('calendar-body'));
const transport = new Transport(render);
const playAs = new PlayPanel(byId('view'));
beliefs.onPick = () => render('jump');
calendar.onPick = () => render('jump');

/** Draws the world as it is now; while playing, the heavier panels only a few times a second. */
function render(change: Change): void {
  const s = session;
  if (!s) return;
  map.update(s);
  log.update(s.world.events);
  const now = performance.now();
  if (change === 'frame' && now - lastHeavy < HEAVY_EVERY) return;
  lastHeavy = now;
  beliefs.update(s.world);
  charts.update(s);
  calendar.update(s.world);
}

/** A new run of a valid definition, at `at` seconds (clamped to its end). */
function start(def: WorldDefinition, at: number): void {
  const wasPlaying = transport.isPlaying;
  if (wasPlaying) transport.stop();
  session = new Session(def);
  names = namesOf(def);
  title.textContent = def.title;
  map.build(def);
  log.reset(def, names);
  beliefs.reset(def, names);
  charts.reset();
  calendar.reset(def);
  playAs.reset(def);
  transport.attach(session, Math.min(at, session.until));
  if (wasPlaying && !session.finished) transport.start();
}

/** No valid version to run: the views empty, the transport idle. */
function clear(): void {
  session = undefined;
  names = undefined;
  title.textContent = 'No valid scenario yet';
  transport.detach();
  map.clear();
  log.clear();
  beliefs.clear();
  charts.reset();
  calendar.clear();
  playAs.clear();
}

/** Validates the text; a valid one replaces the run (kept at the same time), errors are shown. */
function validate(text: string, keepTime: boolean): void {
  if (text === validated) return;
  validated = text;
  const result = loadScenario(text, sceneName);
  const errors: readonly ScenarioError[] = result.ok ? [] : result.errors;
  editor.showErrors(errors, result.ok ? result.warnings : []);
  renderErrors(errorList, validity, errors, (e) => editor.focusAt(e.line, e.column), session !== undefined);
  if (result.ok) start(result.definition, keepTime ? (session?.time ?? 0) : 0);
  else if (!session) clear();
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
  const scene = sceneNamed(name) ?? DEFAULT_SCENE;
  sceneName = scene.name;
  sceneSelect.value = scene.name;
  rememberScene(scene.name);
  const edited = loadEdits(scene.name);
  savedNote.textContent = edited !== undefined && edited !== scene.text ? 'showing your kept edits' : '';
  validated = undefined;
  clear();
  editor.setText(edited ?? scene.text);
  validate(editor.text(), false);
}

// -------------------------------------------------------------------------------------------------

replace(
  sceneSelect,
  SCENES.map((s) => el('option', { value: s.name }, s.label)),
);
const initial = sceneNamed(lastScene() ?? '') ?? DEFAULT_SCENE;
const editor = createEditor(byId('editor'), initial.text, (text) => {
  keep(text);
  validate(text, true);
});
open(initial.name);

sceneSelect.addEventListener('change', () => open(sceneSelect.value));
byId('download').addEventListener('click', () => download(sceneName, editor.text()));
byId('reset').addEventListener('click', () => {
  const scene = sceneNamed(sceneName) ?? DEFAULT_SCENE;
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
  resizing = window.setTimeout(() => render('jump'), 200);
});

declare global {
  interface Window {
    omegaverseSandbox: { world(): World | undefined; runToEnd(): void };
  }
}

/** For tests and the curious: the current world, and a way to run it to its end at once. */
window.omegaverseSandbox = {
  world: () => session?.world,
  runToEnd: () => transport.toEnd(),
};
