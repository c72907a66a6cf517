/**
 * Playing a scene as one of its characters, in the shape of ink's runtime (`Continue`,
 * `currentChoices`, `ChooseChoiceIndex`, saving and loading state): the scene runs to the next moment
 * something reaches the character, is told as they live it (`perspective/`), and waits for their
 * choice. The character's own scripted actions are left out (the player takes them, or others);
 * everyone else's still happen, and what the engine decides (obeying an order, a seizure, a shiver)
 * it decides for the character played too.
 */
import { type ActResult, World, type WorldSnapshot } from '../engine/world.js';
import type { WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import { type CauseTree, explain } from '../model/explain.js';
import type { Belief } from '../model/knowledge.js';
import type { Beat } from '../narrate/beats/beat.js';
import { Teller } from '../narrate/beats/narrator.js';
import { type Paragraph, paragraphText } from '../narrate/beats/paragraphs.js';
import { describeChoice } from '../narrate/language/choices.js';
import { type Names, namesOf } from '../narrate/language/names.js';
import { isDecision } from '../narrate/outline.js';
import { formatStamp } from '../units/time.js';
import type { ActionBody } from '../vocabulary/actions.js';

export interface PlayOptions {
  /** the character played */
  as: string;
  /** replaces the scenario's seed */
  seed?: number;
  /** marks what can be asked `why` in the passages' text: `Rey seized Finn and held him back. [22]` */
  marks?: boolean;
}

/** Something the character can do now, and how a player reads it. */
export interface Choice {
  action: ActionBody;
  /** "take off the sealed helmet" */
  text: string;
}

/** A paragraph of what the character lived: its first instant, that instant as a stamp, and its prose. */
export interface Passage {
  t: number;
  /** `14:05:00 +0:05:00` */
  stamp: string;
  text: string;
}

/** A game saved: the world's whole state, and whom it is played as. */
export interface PlaySave {
  format: typeof PLAY_FORMAT;
  as: string;
  snapshot: WorldSnapshot;
}

export const PLAY_FORMAT = 'omegaverse/play';

export class Play {
  readonly as: string;
  private readonly names: Names;
  private readonly teller: Teller;

  private constructor(
    readonly world: World,
    as: string,
    private readonly marks: boolean,
  ) {
    if (!world.definition.characters.some((c) => c.id === as)) throw new Error(`unknown character '${as}'`);
    this.as = as;
    this.names = namesOf(world.definition);
    this.teller = new Teller(world, { pov: as });
  }

  /** A new game of `definition`, played as `options.as`, before its first instant. */
  static start(definition: WorldDefinition, options: PlayOptions): Play {
    if (!definition.characters.some((c) => c.id === options.as))
      throw new Error(`unknown character '${options.as}'`);
    const unscripted = { ...definition, timeline: definition.timeline.filter((a) => a.actor !== options.as) };
    const world = World.create(unscripted, options.seed === undefined ? {} : { seed: options.seed });
    return new Play(world, options.as, options.marks ?? false);
  }

  /** A saved game, going on from where it was saved. */
  static load(save: PlaySave, options: Pick<PlayOptions, 'marks'> = {}): Play {
    if (save?.format !== PLAY_FORMAT || typeof save.as !== 'string')
      throw new Error('not a saved omegaverse game');
    return new Play(World.restore(save.snapshot), save.as, options.marks ?? false);
  }

  save(): PlaySave {
    return { format: PLAY_FORMAT, as: this.as, snapshot: this.world.snapshot() };
  }

  get time(): number {
    return this.world.time;
  }

  /** Whether the scene has reached its end. */
  get finished(): boolean {
    return this.world.finished;
  }

  /** What the character knows happened, as a log of its own (numbered from 1). */
  get events(): readonly WorldEvent[] {
    return this.teller.events;
  }

  /**
   * Runs the scene on and tells it: to the next moment something reaches the character (by default),
   * or for `seconds` — never past the scene's end.
   */
  next(seconds?: number): Passage[] {
    if (this.finished) return [];
    const end = this.world.definition.until;
    const until = seconds === undefined ? end : Math.min(end, this.world.time + seconds);
    return this.passages(this.teller.advance(until, seconds === undefined));
  }

  /** What the character can do now. */
  choices(): Choice[] {
    return this.world.choices(this.as).map((action) => ({
      action,
      text: describeChoice(action, this.as, this.names),
    }));
  }

  /** Takes one of `choices()`, by its index (from 0), at the scene's next instant. */
  choose(index: number): ActResult {
    const choice = this.choices()[index];
    if (!choice) return { ok: false, reason: `there is no choice ${index}`, hint: 'pick one of choices()' };
    return this.world.act(this.as, choice.action);
  }

  /** Takes any action the character could take (words of their own: a `say`), as `world.act` does. */
  act(action: unknown): ActResult {
    return this.world.act(this.as, action);
  }

  /** Why something the character knows of happened, from what they could know (`id` in `events`). */
  why(id: number): CauseTree | undefined {
    return explain(this.events, id);
  }

  /** What the character takes each other character for now, and from what. */
  beliefs(): { character: string; belief: Belief | undefined }[] {
    return this.world.definition.characters
      .filter((c) => c.id !== this.as)
      .map((c) => ({ character: c.id, belief: this.world.belief(this.as, c.id) }));
  }

  /** Beats as passages: those within `narration.paragraph` of a passage's first, told together. */
  private passages(beats: readonly Beat[]): Passage[] {
    const span = this.world.canon.narration.paragraph;
    const paragraphs: Paragraph[] = [];
    for (const beat of beats) {
      const open = paragraphs.at(-1);
      if (open && beat.t <= open.t + span) open.beats.push(beat);
      else paragraphs.push({ t: beat.t, beats: [beat] });
    }
    const mark = (beat: Beat) =>
      this.marks
        ? beat.events
            .filter(isDecision)
            .map((e) => ` [${e.id}]`)
            .join('')
        : '';
    return paragraphs.map((p) => ({
      t: p.t,
      stamp: formatStamp(this.world.definition.clock, p.t),
      text: paragraphText(p, this.names, mark),
    }));
  }
}
