/**
 * The transport: play and pause (buttons, and Space), a step (→), the speed in simulated seconds per
 * real second, and a scrubber over the whole run. Playing runs the world forward a frame at a time;
 * scrubbing back restores the nearest earlier snapshot and runs on to the chosen time (see Session).
 */
import { formatClock, formatDuration } from '../src/index.js';
import { byId } from './dom.js';
import type { Session } from './session.js';

export const SPEEDS = [1, 10, 60, 600] as const;
export const DEFAULT_SPEED = 60;

/** What the transport tells the page: the world moved ('frame' while playing, 'jump' otherwise). */
export type Change = 'frame' | 'jump';

export class Transport {
  private session?: Session;
  private playing = false;
  private speed: number = DEFAULT_SPEED;
  /** where playback is, in simulated seconds: the world is at its last instant at or before it */
  private playhead = 0;
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

  constructor(private readonly changed: (change: Change) => void) {
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
    });
    this.scrubber.addEventListener('input', () => {
      // Coalesce a drag into one seek a frame.
      cancelAnimationFrame(this.scrubbing);
      this.scrubbing = requestAnimationFrame(() => this.seek(Number(this.scrubber.value)));
    });
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /** Shows a new session, at `at` (its start unless given). Keeps playing if it was. */
  attach(session: Session, at = 0): void {
    this.session = session;
    this.scrubber.max = String(session.until);
    this.playhead = 0;
    this.seek(at);
  }

  /** Nothing to play (no valid scenario yet). */
  detach(): void {
    this.stop();
    this.session = undefined;
    this.playhead = 0;
    this.scrubber.max = '1';
    this.scrubber.value = '0';
    this.scrubber.removeAttribute('aria-valuetext');
    this.clock.dataset.time = '0';
    this.clock.textContent = '—';
    this.render();
  }

  start(): void {
    const s = this.session;
    if (!s || this.playing) return;
    if (s.finished) this.seek(0);
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
    this.changed('jump');
  }

  toggle(): void {
    if (this.playing) this.stop();
    else this.start();
  }

  /** One step forward (pauses first). */
  step(): void {
    const s = this.session;
    if (!s) return;
    this.stop();
    s.step();
    this.playhead = s.time;
    this.render();
    this.changed('jump');
  }

  /** Moves to simulated time `t` (seconds from the start). */
  seek(t: number): void {
    const s = this.session;
    if (!s) return;
    this.playhead = Math.max(0, Math.min(s.until, t));
    s.seek(this.playhead);
    this.render();
    this.changed('jump');
  }

  /** Runs to the end at once (pauses first). */
  toEnd(): void {
    const s = this.session;
    if (!s) return;
    this.stop();
    this.seek(s.until);
  }

  private tick(now: number): void {
    const s = this.session;
    if (!s || !this.playing) return;
    const seconds = Math.min(0.25, Math.max(0, (now - this.last) / 1000));
    this.last = now;
    this.playhead = Math.min(s.until, this.playhead + seconds * this.speed);
    s.seek(this.playhead);
    if (this.playhead >= s.until) {
      this.playing = false;
      this.render();
      this.changed('jump');
      return;
    }
    this.render();
    this.changed('frame');
    this.frame = requestAnimationFrame((t) => this.tick(t));
  }

  /** The clock, the scrubber and the buttons' states. */
  render(): void {
    const s = this.session;
    this.play.setAttribute('aria-pressed', String(this.playing));
    this.pause.setAttribute('aria-pressed', String(!this.playing));
    this.state.textContent = this.playing ? `playing at ${this.speed}×` : 'paused';
    if (!s) return;
    const def = s.definition;
    const t = s.time;
    this.clock.dataset.time = String(t);
    this.clock.textContent = `${formatClock(def.clock, t)} · ${formatDuration(t)} of ${formatDuration(s.until)}`;
    const value = String(Math.round(this.playhead));
    if (this.scrubber.value !== value) this.scrubber.value = value;
    this.scrubber.setAttribute(
      'aria-valuetext',
      `${formatClock(def.clock, t)}, ${formatDuration(t)} from the start`,
    );
  }
}
