/**
 * What is known of a character's cycle at an instant, gathered for `forecast`: the recorded onsets,
 * the onsets lived in a run, which of them were shifted (brought forward by exposure, or under the
 * suppressant), and the suppressant regimen from the definition, the timeline's `take` / `stop` or a
 * run's `medication` events.
 */

import { masks } from '../canon/index.js';
import { calendarCycleOf } from '../model/cycle.js';
import type { Action, CharacterDef, WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import { appendTo } from '../units/lists.js';
import { type Forecast, forecast, type MedicationState } from './forecast.js';

/** An onset lived in a run (the shape of the world's cycle record). */
export interface LivedOnset {
  onset: number;
  /** seconds it was brought forward by exposure */
  advanced: number;
  /** whether it came under the suppressant */
  suppressed: boolean;
}

export interface KnownHistory {
  onsets: number[];
  shifted: number[];
  medication: MedicationState;
}

export interface HistoryOptions {
  /** onsets lived in a run, by character id */
  lived?: ReadonlyMap<string, readonly LivedOnset[]>;
  /**
   * a run's log: its `medication` events stand for the timeline's `take` / `stop`, and when `lived` is
   * not given its `heat-onset` and `heat-advanced` events give the lived onsets
   */
  events?: readonly WorldEvent[];
}

/** What bears on one character's history at `now`: their own log events and timeline actions. */
interface OwnRecord {
  /** the log's events by this character at or before `now`, in log order */
  events: readonly WorldEvent[];
  /** the timeline's actions by this character at or before `now`, in timeline order */
  actions: readonly Action[];
}

/** Everything known of `character`'s cycle at `now`. */
export function historyOf(
  definition: WorldDefinition,
  character: string,
  now: number,
  options: HistoryOptions = {},
): KnownHistory {
  const own: OwnRecord = {
    events: (options.events ?? []).filter((e) => e.t <= now && e.actor === character),
    actions: definition.timeline.filter((a) => a.actor === character && a.at <= now),
  };
  const def = definition.characters.find((c) => c.id === character);
  return historyFrom(definition, character, def, now, options, own);
}

/** `historyOf`, with the character and their own events and actions already found. */
function historyFrom(
  definition: WorldDefinition,
  character: string,
  def: CharacterDef | undefined,
  now: number,
  options: HistoryOptions,
  { events, actions }: OwnRecord,
): KnownHistory {
  const defined = def && calendarCycleOf(def);
  const recorded = (defined?.def.onsets ?? []).filter((o) => o <= now);
  const onsetEvent = defined?.kind === 'rut' ? 'rut-onset' : 'heat-onset';
  const advancedEvent = defined?.kind === 'rut' ? 'rut-advanced' : 'heat-advanced';

  // Lived onsets, and which were shifted.
  let lived: LivedOnset[];
  const given = options.lived?.get(character);
  if (given) lived = given.filter((l) => l.onset <= now).map((l) => ({ ...l }));
  else {
    lived = events
      .filter((e) => e.type === onsetEvent && e.data.ongoing !== true)
      .map((e) => ({
        onset: typeof e.data.onset === 'number' ? e.data.onset : e.t,
        advanced: 0,
        suppressed: false,
      }));
    for (const advance of events.filter((e) => e.type === advancedEvent)) {
      const onset = lived.find((l) => l.onset >= advance.t);
      if (onset) onset.advanced = Math.max(onset.advanced, Number(advance.data.advance ?? 1));
    }
  }

  // The suppressant regimen: declared, then changed by take / stop.
  const suppressant = (medication: unknown) => masks(definition.canon, String(medication));
  const declared = def?.medication.find((m) => suppressant(m.name));
  let on = declared !== undefined && (declared.since === undefined || declared.since <= now);
  let since = on ? declared?.since : undefined;
  let stoppedAt: number | undefined;
  const regimens: [number | undefined, number][] = [];
  const changes = options.events
    ? events
        .filter((e) => e.type === 'medication' && suppressant(e.data.medication))
        .map((e) => ({ t: e.t, take: e.value === 'take' }))
    : actions
        .filter((a) => a.do === 'take' || a.do === 'stop')
        .filter((a) => 'medication' in a && suppressant(a.medication))
        .map((a) => ({ t: a.at, take: a.do === 'take' }));
  for (const change of changes) {
    if (change.take && !on) {
      on = true;
      since = change.t;
      stoppedAt = undefined;
    } else if (!change.take && on) {
      on = false;
      regimens.push([since, change.t]);
      stoppedAt = change.t;
    }
  }
  const medication: MedicationState = { suppressant: on };
  if (since !== undefined) medication.since = since;
  if (!on && stoppedAt !== undefined) medication.stoppedAt = stoppedAt;

  const onsets = [...new Set([...recorded, ...lived.map((l) => l.onset)])].sort((a, b) => a - b);
  // Under a regimen with a known start: the onset is shifted (a regimen of unknown start says nothing
  // about which recorded onsets it covered).
  const underRegimen = (o: number) =>
    regimens.some(([from, to]) => from !== undefined && o > from && o <= to);
  const shifted = onsets.filter(
    (o) => underRegimen(o) || lived.some((l) => l.onset === o && (l.advanced > 0 || l.suppressed)),
  );
  return { onsets, shifted, medication };
}

/** The forecast of every character with a cycle, by id, in definition order. */
export function forecastAll(
  definition: WorldDefinition,
  now: number,
  options: HistoryOptions = {},
): Map<string, Forecast> {
  // Each character's own events and actions, gathered in one pass over the log and the timeline.
  const events = new Map<string, WorldEvent[]>();
  for (const e of options.events ?? []) if (e.t <= now && e.actor) appendTo(events, e.actor, e);
  const actions = new Map<string, Action[]>();
  for (const a of definition.timeline) if (a.at <= now) appendTo(actions, a.actor, a);
  const out = new Map<string, Forecast>();
  for (const character of definition.characters) {
    if (!calendarCycleOf(character)) continue;
    const id = character.id;
    const own = { events: events.get(id) ?? [], actions: actions.get(id) ?? [] };
    const known = historyFrom(definition, id, character, now, options, own);
    out.set(id, forecast({ character, canon: definition.canon, now, ...known }));
  }
  return out;
}
