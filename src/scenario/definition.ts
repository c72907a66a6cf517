/**
 * The `WorldDefinition` a checked scenario file compiles to: its parts as the engine reads them, with
 * the canon's defaults filled in and nothing left `undefined` (`compile.ts` checks, this builds).
 */
import type { Canon } from '../canon/index.js';
import {
  type Action,
  type CharacterDef,
  type CycleDef,
  characterName,
  type Expectation,
  placeName,
  type WorldDefinition,
} from '../model/definition.js';
import { PRONOUN_SETS, type Pronouns } from '../vocabulary/pronouns.js';
import type { ScenarioFile } from './schema.js';

/** How long a scenario runs after its last scripted action or roster event, when `until` is not given. */
const DEFAULT_TAIL = 600;

export function buildDefinition(
  src: ScenarioFile,
  canon: Canon,
  timeline: Action[],
  file: string,
  expectationSource: (index: number) => Expectation['source'],
): WorldDefinition {
  const lastScripted = [...timeline.map((a) => a.at), ...src.roster.map((r) => r.end)].reduce(
    (latest, t) => Math.max(latest, t),
    0,
  );
  return {
    title: src.title ?? baseName(file),
    seed: src.seed,
    canonName: src.canon,
    canon,
    clock: src.clock,
    places: Object.entries(src.places).map(([id, p]) =>
      defined({
        id,
        name: placeName(id, p.name),
        article: p.article,
        preposition: p.preposition,
        volume: p.volume,
        ventilation: p.ventilation,
        x: p.x,
        y: p.y,
      }),
    ),
    doors: src.doors.map((d) => ({ id: d.id, between: [...d.between], state: d.state })),
    characters: Object.entries(src.characters).map(([id, c]) => buildCharacter(id, c, canon)),
    relations: src.relations.map((r) =>
      defined({
        between: [...r.between],
        affinity: r.affinity,
        trust: r.trust,
        onLeaveWith: r.on_leave_with,
      }),
    ),
    timeline,
    roster: src.roster.map((r) => ({
      id: r.id,
      title: r.title,
      start: r.start,
      end: r.end,
      participants: [...r.participants],
    })),
    until: src.until ?? lastScripted + DEFAULT_TAIL,
    expectations: src.expect.map((x, i) => {
      const window = x.within
        ? { from: x.within[0], to: x.within[1], toInclusive: true }
        : { from: x.after, to: x.before, toInclusive: false };
      return defined({
        event: x.event,
        actor: x.actor,
        target: x.target,
        value: x.value,
        data: x.data,
        ...window,
        never: x.never,
        count: x.count,
        source: expectationSource(i),
      });
    }),
    file,
  };
}

function buildCharacter(id: string, c: ScenarioFile['characters'][string], canon: Canon): CharacterDef {
  return defined({
    id,
    name: characterName(id, c.name),
    shortName: c.short_name,
    pronouns: pronounsOf(c.pronouns),
    representation: c.representation,
    presentsAs: c.presents_as,
    age: c.age,
    selfControl: c.self_control,
    notes: [...c.notes],
    at: c.at,
    wears: [...c.wears],
    carries: [...c.carries],
    medication: c.medication.map((m) => defined({ name: m.name, since: m.since })),
    cycle: c.cycle && cycleDef(c.cycle, canon.cycleDefaults),
    rut: c.rut && cycleDef(c.rut, canon.rutDefaults),
    bondedTo: c.bonded_to,
    rank: c.rank,
    knows: [...c.knows],
    habituation: c.habituation,
  });
}

/** A cycle as written, with the canon's defaults for what it leaves out and its onsets in order. */
function cycleDef(
  written: NonNullable<ScenarioFile['characters'][string]['cycle']>,
  defaults: Canon['cycleDefaults'],
): CycleDef {
  return {
    period: written.period ?? defaults.period,
    duration: written.duration ?? defaults.duration,
    variability: written.variability ?? defaults.variability,
    onsets: [...written.onsets].sort((a, b) => a - b),
  };
}

/** A named set (`she`) as its forms; one written out, as written; none, none. */
const pronounsOf = (p: ScenarioFile['characters'][string]['pronouns']): Pronouns | undefined =>
  p === undefined ? undefined : { ...(typeof p === 'string' ? PRONOUN_SETS[p] : p) };

/** The object without its `undefined` properties: a definition lists only what was given or defaulted. */
function defined<T extends object>(object: T): T {
  // A loop, not entries and back: this runs for every character and place of a large crew.
  const out: Record<string, unknown> = {};
  for (const key in object) if (object[key] !== undefined) out[key] = object[key];
  return out as T;
}

/** `scenarios/medbay.yaml` → `medbay`. */
const baseName = (file: string) => (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, '');
