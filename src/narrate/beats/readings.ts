/**
 * Lasting states read from the running world, which the log does not hold: the air in a place rising
 * through levels (faint, clear, thick, overwhelming: `narration.scent`), and a drive held above the
 * line of self-control. Each is told when it crosses a level, recalled every `narration.reminder`
 * while it lasts, and (a drive) told again when it eases. The world is only read, through its public
 * queries: nothing here changes what happens.
 */
import type { NarrationCanon } from '../../canon/types.js';
import type { World } from '../../engine/world.js';
import type { WorldEvent } from '../../model/events.js';
import { appendTo } from '../../units/lists.js';
import type { DriveName } from '../../vocabulary/drives.js';
import { gridAfter, spokenDuration } from '../language/phrases.js';
import type { Voice } from '../language/voice.js';
import type { Beat } from './beat.js';

const LEVELS = ['faint', 'clear', 'thick', 'overwhelming'] as const;
type Level = (typeof LEVELS)[number];

/** How the air is told at each level; `whose`: the one whose scent is most of it, if anyone's is. */
const AIR: Record<Level, (v: Voice, place: string, whose: string | undefined) => string> = {
  faint: (v, place, whose) =>
    `A faint scent${whose ? ` of ${v.who(whose)}` : ''} hung ${v.names.where(place)}.`,
  clear: (v, place, whose) =>
    `${v.names.place(place)} smelled clearly of ${whose ? v.who(whose) : 'the people in it'}.`,
  thick: (v, place, whose) =>
    `The air ${v.names.where(place)} grew thick with ${whose ? `${v.whose(whose)} ` : ''}scent.`,
  overwhelming: (v, place, whose) =>
    `${whose ? v.leadWhose(whose) : 'The'} scent ${v.names.where(place)} was overwhelming.`,
};

const AIR_RECALL = (v: Voice, place: string, level: Level, span: string) =>
  `The air ${v.names.where(place)} was still ${level === 'thick' ? 'thick with scent' : 'overwhelming'}, ${span} on.`;

interface Air {
  /** the level reached (0: none; 1–4: `LEVELS`), kept until the air falls under `fade` × its line */
  level: number;
  /** the level last told */
  told: number;
  /** the next reminder's instant, while the air is thick or worse */
  next?: number;
  since?: number;
}

/** The air in each place where people meet, or where a body in pre-heat or heat is. */
export class AirWatch {
  private readonly air = new Map<string, Air>();

  constructor(private readonly pacing: NarrationCanon) {}

  /** The air's beats now, in every place where people are (`only`: in that place alone). */
  read(world: World, only?: string): Beat[] {
    const t = world.time;
    const lines = [
      this.pacing.scent.faint,
      this.pacing.scent.clear,
      this.pacing.scent.thick,
      this.pacing.scent.overwhelming,
    ];
    const people = new Map<string, string[]>();
    for (const c of world.definition.characters) {
      const place = world.whereIs(c.id);
      appendTo(people, place, c.id);
    }
    const beats: Beat[] = [];
    for (const [place, here] of people) {
      if (only !== undefined && place !== only) continue;
      const noticed = here.length > 1 || here.some((id) => world.bodyState(id).phase !== 'none');
      if (!noticed) continue;
      const { total, byEmitter } = world.concentration(place);
      let level = lines.filter((line) => total >= line).length;
      // Read for the first time (at the start, or when people first meet there): nothing has risen yet.
      const a = this.air.get(place) ?? { level, told: 0 };
      this.air.set(place, a);
      const before = a.level;
      // Kept at its level until it falls clearly under it: air at a line's edge is told once.
      if (level < before && total >= lines[before - 1]! * this.pacing.fade) level = before;
      a.level = level;
      if (level < a.told) a.told = level;
      const whose = Object.entries(byEmitter).find(([, c]) => c > total / 2)?.[0];
      // A faint scent is told only where someone else is there to notice it.
      const least = here.length > 1 ? 1 : 2;
      // Told as it rises into a level; from clear up, also when first read or first noticed there.
      if (level > a.told && level >= least && (level > before || level >= 2)) {
        a.told = level;
        const name = LEVELS[level - 1]!;
        beats.push({
          t,
          events: [],
          types: [],
          about: whose ? [whose] : here,
          tell: (v) => AIR[name](v, place, whose),
        });
        if (level >= 3) {
          a.since = t;
          a.next = gridAfter(t + this.pacing.reminder, this.pacing.reminder, t);
        }
      } else if (level >= 3 && a.next !== undefined && t >= a.next && here.length > 1) {
        // Recalled only while someone is there to smell it: a body alone is recalled by its own state.
        const name = LEVELS[level - 1]!;
        const span = spokenDuration(t - a.since!);
        beats.push({ t, events: [], types: [], about: here, tell: (v) => AIR_RECALL(v, place, name, span) });
        a.next = gridAfter(t, this.pacing.reminder, t);
      }
      if (level < 3) a.next = undefined;
    }
    return beats;
  }
}

/**
 * How a drive held above the line of self-control is told: as it rises past it, while held, as it
 * eases. Only the drives that become actions at that line are watched (aggression seizes, longing
 * reaches out); protectiveness and unease act at no line of their own (unease shows in shivers).
 */
const HELD: Partial<Record<DriveName, { rise: Told; recall: Recalled; ease: Told }>> = {
  longing: {
    rise: (v, a, b) =>
      `${v.whose(a)} pull toward ${v.who(b)} was more than ${v.subject(a)} could easily hold.`,
    recall: (v, a, b, span) => `${v.who(a)} still felt the pull toward ${v.who(b)}, ${span} on.`,
    ease: (v, a, b) => `${v.whose(a)} pull toward ${v.who(b)} eased.`,
  },
  aggression: {
    rise: (v, a, b) => `${v.whose(a)} anger at ${v.who(b)} was past holding.`,
    recall: (v, a, b, span) => `${v.who(a)} was still bristling at ${v.who(b)}, ${span} on.`,
    ease: (v, a, b) => `${v.whose(a)} anger at ${v.who(b)} cooled.`,
  },
};
type Told = (v: Voice, feeler: string, toward: string) => string;
type Recalled = (v: Voice, feeler: string, toward: string, span: string) => string;

/** What the engine already tells of a drive as it happens: its rise or fall needs no line of its own. */
const DRIVE_EVENTS = new Set(['drive', 'resist', 'snarl', 'restrain', 'release', 'whine', 'shiver', 'touch']);

interface Held {
  since: number;
  next: number;
}

/** Drives above the line of self-control, for everyone who has felt a drive. */
export class DriveWatch {
  private readonly held = new Map<string, Held>();
  /** who has felt a drive (only they are read) */
  private readonly feelers = new Set<string>();
  /** when the engine last told something of each feeler's drive toward each other character */
  private readonly lastTold = new Map<string, number>();
  private lastRead = Number.NEGATIVE_INFINITY;

  constructor(private readonly pacing: NarrationCanon) {}

  /** Notes what the log tells of drives. */
  event(e: WorldEvent): void {
    if (e.type === 'drive' && e.actor) this.feelers.add(e.actor);
    if (DRIVE_EVENTS.has(e.type) && e.actor) {
      this.lastTold.set(`${e.actor}\u0000${e.target ?? ''}`, e.t);
      this.lastTold.set(`${e.actor}\u0000`, e.t);
    }
  }

  read(world: World): Beat[] {
    const t = world.time;
    const beats: Beat[] = [];
    const toldSince = (a: string, b: string) =>
      (this.lastTold.get(`${a}\u0000${b}`) ?? Number.NEGATIVE_INFINITY) > this.lastRead ||
      (this.lastTold.get(`${a}\u0000`) ?? Number.NEGATIVE_INFINITY) > this.lastRead;
    for (const a of this.feelers) {
      const line = world.selfControlThreshold(a);
      const levels = world.drives(a);
      for (const b of world.definition.characters.map((c) => c.id)) {
        for (const drive of Object.keys(HELD) as DriveName[]) {
          const level = levels[b]?.[drive] ?? 0;
          const key = `${a}\u0000${b}\u0000${drive}`;
          const held = this.held.get(key);
          const say = HELD[drive]!;
          if (!held && level >= line) {
            const next = gridAfter(t + this.pacing.reminder, this.pacing.reminder, t);
            this.held.set(key, { since: t, next });
            if (!toldSince(a, b)) beats.push(driveBeat(t, a, b, (v) => say.rise(v, a, b)));
          } else if (held && level < line * this.pacing.fade) {
            this.held.delete(key);
            if (!toldSince(a, b)) beats.push(driveBeat(t, a, b, (v) => say.ease(v, a, b)));
          } else if (held && t >= held.next) {
            const span = spokenDuration(t - held.since);
            beats.push(driveBeat(t, a, b, (v) => say.recall(v, a, b, span)));
            held.next = gridAfter(t, this.pacing.reminder, t);
          }
        }
      }
    }
    this.lastRead = t;
    return beats;
  }
}

const driveBeat = (t: number, a: string, b: string, tell: (v: Voice) => string): Beat => ({
  t,
  events: [],
  types: ['drive'],
  about: [a, b],
  tell,
});
