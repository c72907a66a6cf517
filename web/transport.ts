/**
 * The transport: play and pause (buttons, and Space), a step (→), the speed in simulated seconds per
 * real second, and a scrubber over the whole run. It keeps the time asked for (the scrubber's) and asks
 * the engine for it; the clock shows the time of the world on screen, which is the time asked for as
 * soon as the engine has answered. While playing, the time asked for runs ahead at the chosen speed,
 * but never more than a moment ahead of what the engine has shown.
 */
import { formatClock, formatDuration, type WorldDefinition } from '../src/index.js';
import { byId } from './dom.js';

export const SPEEDS = [1, 10, 60, 600] as const;
export const DEFAULT_SPEED = 60;

/** While playing, how far (in real seconds of playback) the time asked for may run ahead of the one shown. */
const LEAD_SECONDS = 0.25;

/** What the transport asks of the engine. */
export interface Seeker {
  seek(at: number): void;
  step(): void;
}

export class Transport {
  private def?: WorldDefinition;
  private playing = false;
  private speed: number = DEFAULT_SPEED;
  /** the time asked for, in simulated seconds */
  private playhead = 0;
  /** the time of the world on screen (undefined: nothing yet) */
  private shownAt?: number;
  /** a step asked for and not yet shown */
  private stepping = false;
  /** the share of the newest run computed so far (any time in it shows at once) */
  private computed = 0;
  /** a new run (an edit) is being computed and is not on screen yet */
  private newRun = false;
  private frame = 0;
  private last = 0;
  private scrubbing = 0;

  private readonly play = byId<HTMLButtonElement>('play');
  private readonly pause = byId<HTMLButtonElement>('pause');
  private readonly stepButton = byId<HTMLButtonElement>('step');
  private readonly speedSelect = byId<HTMLSelectElement>('speed');
  private readonly scrubber = byId<HTMLInputElement>('scrubber');
  private readonly clock = byId<HTMLOutputElement>('clock');
  private readonly state = byId('play-state');

  /** `paused` is called when playing stops, for the page to draw all of the time it stopped at. */
  constructor(
    private readonly engine: Seeker,
    private readonly paused: () => void,
  ) {
    for (const s of SPEEDS) {
      const option = document.createElement('option');
      option.value = String(s);
      option.textContent = `${s}×`;
      option.selected = s === DEFAULT_SPEED;
      this.speedSelect.append(option);
    }
    this.play.addEventListener('click', () => this.start());
    this.pause.addEventListener('click', () => this.stop());
    this.stepButton.addEventListener('click', () => this.step());
    this.speedSelect.addEventListener('change', () => {
      this.speed = Number(this.speedSelect.value) || DEFAULT_SPEED;
      this.render();
    });
    this.scrubber.addEventListener('input', () => {
      // Coalesce a drag into one request a frame.
      cancelAnimationFrame(this.scrubbing);
      this.scrubbing = requestAnimationFrame(() => this.seek(Number(this.scrubber.value)));
    });
    // The bar sticks to the top of the page: whatever is scrolled to (a focused entry) keeps clear of it.
    const bar = this.play.closest<HTMLElement>('.transport');
    if (bar) {
      new ResizeObserver(() => {
        document.documentElement.style.setProperty('--transport-height', `${bar.offsetHeight}px`);
      }).observe(bar);
    }
    this.detach();
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /** The time asked for. */
  get time(): number {
    return this.playhead;
  }

  /** A new run is on screen (the page has asked for its time already). */
  attach(def: WorldDefinition): void {
    this.def = def;
    this.newRun = false;
    this.playhead = Math.min(this.playhead, def.until);
    this.scrubber.max = String(def.until);
    // The clock is as wide as its widest reading, the one at the end: the row never reflows as it runs.
    this.clock.style.minWidth = `calc(${this.clockText(def.until).length}ch + 1rem)`;
    for (const control of this.controls()) control.disabled = false;
    this.render();
  }

  /** Nothing to play (no valid scenario yet). */
  detach(): void {
    this.stop();
    this.def = undefined;
    this.shownAt = undefined;
    this.stepping = false;
    this.newRun = false;
    this.playhead = 0;
    this.scrubber.max = '1';
    this.scrubber.value = '0';
    this.scrubber.removeAttribute('aria-valuetext');
    for (const control of this.controls()) control.disabled = true;
    this.render();
  }

  /** The engine showed the world at `at`. */
  shown(at: number): void {
    this.shownAt = at;
    if (this.stepping) {
      this.stepping = false;
      this.playhead = at;
    }
    if (this.playing && at >= (this.def?.until ?? 0)) this.stop();
    else this.render();
  }

  /** The newest run has been computed this far (0..1); `onScreen`: whether it is the one shown. */
  progress(share: number, onScreen: boolean): void {
    this.computed = share;
    this.newRun = !onScreen;
    this.render();
  }

  /** Whether the engine has shown what was asked for last. */
  get answered(): boolean {
    return !this.def || (!this.newRun && !this.stepping && this.shownAt === this.playhead);
  }

  start(): void {
    const def = this.def;
    if (!def || this.playing) return;
    if (this.playhead >= def.until) this.seek(0);
    this.playing = true;
    this.last = performance.now();
    this.frame = requestAnimationFrame((t) => this.tick(t));
    this.render();
  }

  stop(): void {
    if (!this.playing) return;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.render();
    this.paused();
  }

  toggle(): void {
    if (this.playing) this.stop();
    else this.start();
  }

  /** One step forward (pauses first). */
  step(): void {
    if (!this.def) return;
    this.stop();
    this.stepping = true;
    this.engine.step();
    this.render();
  }

  /** Asks for simulated time `t` (seconds from the start). */
  seek(t: number): void {
    const def = this.def;
    if (!def) return;
    this.stepping = false;
    this.playhead = Math.max(0, Math.min(def.until, t));
    this.engine.seek(this.playhead);
    this.render();
  }

  /** Goes to the end (pauses first). */
  toEnd(): void {
    if (!this.def) return;
    this.stop();
    this.seek(this.def.until);
  }

  private tick(now: number): void {
    const def = this.def;
    if (!def || !this.playing) return;
    const seconds = Math.min(0.25, Math.max(0, (now - this.last) / 1000));
    this.last = now;
    const lead = (this.shownAt ?? 0) + LEAD_SECONDS * this.speed;
    const next = Math.min(def.until, this.playhead + seconds * this.speed, Math.max(lead, this.playhead));
    if (next !== this.playhead) {
      this.playhead = next;
      this.engine.seek(next);
    }
    this.render();
    this.frame = requestAnimationFrame((t) => this.tick(t));
  }

  private controls(): (HTMLButtonElement | HTMLInputElement | HTMLSelectElement)[] {
    return [this.play, this.pause, this.stepButton, this.speedSelect, this.scrubber];
  }

  private clockText(t: number): string {
    const def = this.def;
    return def ? `${formatClock(def.clock, t)} · ${formatDuration(t)} of ${formatDuration(def.until)}` : '—';
  }

  /** The clock, the scrubber, the buttons' states and what the transport is doing. */
  private render(): void {
    this.play.setAttribute('aria-pressed', String(this.playing));
    this.pause.setAttribute('aria-pressed', String(!this.playing));
    const def = this.def;
    this.state.textContent = this.playing
      ? `playing at ${this.speed}×`
      : def && !this.answered
        ? `computing… ${Math.floor(100 * this.computed)}%`
        : 'paused';
    const at = this.shownAt;
    this.clock.dataset.time = String(at ?? 0);
    this.clock.textContent = at === undefined ? '—' : this.clockText(at);
    if (!def) return;
    const value = String(Math.round(this.playhead));
    if (this.scrubber.value !== value) this.scrubber.value = value;
    this.scrubber.setAttribute(
      'aria-valuetext',
      `${formatClock(def.clock, this.playhead)}, ${formatDuration(this.playhead)} from the start`,
    );
  }
}
