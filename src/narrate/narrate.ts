/**
 * One plain English sentence per event. Narration reads only the event and the scenario's names: it
 * never invents what the engine did not decide, and it never describes anything sexual.
 */
import type { WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import { formatClock, formatDuration, humanDuration } from '../units/time.js';
import { type BeliefSource, SOURCE_HOW } from '../vocabulary/beliefs.js';
import { scentWords } from './scent-notes.js';

export interface Names {
  character(id: string | undefined): string;
  place(id: string | undefined): string;
  door(id: string | undefined): string;
  item(id: string | undefined): string;
  /** a roster event's title */
  event(id: string | undefined): string;
  /** the wall clock at instant `t` */
  clock(t: number): string;
  /** a character's scent notes, as a reader meets them: "sand and ozone" */
  scent(id: string | undefined): string;
}

/** Display names from a definition: characters by name, places with an article where it reads better. */
export function namesOf(def: WorldDefinition): Names {
  const characters = new Map(def.characters.map((c) => [c.id, c.name]));
  const places = new Map(def.places.map((p) => [p.id, p.name]));
  return {
    character: (id) => (id === undefined ? 'someone' : (characters.get(id) ?? id)),
    place: (id) => (id === undefined ? 'somewhere' : withArticle(places.get(id) ?? id)),
    door: (id) => (id === undefined ? 'a door' : `the ${words(id)}`),
    item: (id) => (id === undefined ? 'it' : `the ${words(id)}`),
    event: (id) => def.roster.find((r) => r.id === id)?.title ?? id ?? 'an event',
    clock: (t) => formatClock(def.clock, t),
    scent: (id) => scentWords(def, id),
  };
}

const words = (id: string) => id.replace(/[-_]/g, ' ');

/** "Medbay" → "the medbay"; names that are already proper ("Hux's quarters") stay as they are. */
function withArticle(name: string): string {
  if (/['’]/.test(name) || /\s\p{Lu}/u.test(name)) return name;
  return `the ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

const article = (r: string) => (/^[aeiou]/.test(r) ? `an ${r}` : `a ${r}`);

const ROUTE_PHRASE: Record<string, string> = {
  air: '',
  'near-field': ' at close range',
  residue: '',
};

/** The infinitive phrase for a demanded action: "remove the sealed helmet". */
export function describeDemand(demand: { do: string } & Record<string, unknown>, names: Names): string {
  const d = demand as Record<string, string | undefined>;
  switch (demand.do) {
    case 'move':
      return `go to ${names.place(d.to)}`;
    case 'open':
    case 'close':
      return `${demand.do} ${names.door(d.door)}`;
    case 'wear':
      return `put on ${names.item(d.item)}`;
    case 'remove':
      return `remove ${names.item(d.item)}`;
    case 'take':
      return `take ${names.item(d.medication)}`;
    case 'stop':
      return `stop taking ${names.item(d.medication)}`;
    case 'withdraw':
      return d.target ? `step back from ${names.character(d.target)}` : 'step back';
    case 'lower':
      return `lower ${d.item ? names.item(d.item) : 'the weapon'}`;
    case 'shower':
      return 'shower';
    case 'submit':
      return 'stand down';
    default:
      return d.target ? `${demand.do} ${names.character(d.target)}` : demand.do;
  }
}

export function narrate(e: WorldEvent, names: Names): string {
  const actor = names.character(e.actor);
  const target = names.character(e.target);
  const data = e.data as Record<string, string | number | boolean | undefined>;
  switch (e.type) {
    case 'move':
      if (e.value === 'restrained')
        return `${actor} could not get away: ${names.character(data.by as string)} held them.`;
      return e.value === 'blocked'
        ? `${actor} could not get to ${names.place(data.to as string)}: no open way.`
        : `${actor} went from ${names.place(data.from as string)} into ${names.place(data.to as string)}.`;
    case 'door': {
      // "the door to Hux's quarters": named by the side the actor is not on.
      const sides = (e.data.between as string[] | undefined) ?? [];
      const far = sides.find((p) => p !== e.place) ?? sides[0];
      return `${actor} ${e.value === 'open' ? 'opened' : 'closed'} the door to ${names.place(far)}.`;
    }
    case 'gear':
      if (e.value === 'wear') return `${actor} put on ${names.item(data.item as string)}.`;
      return `${actor} took off ${names.item(data.item as string)}${
        Number(data.released) > 0 ? ', releasing the scent held inside' : ''
      }.`;
    case 'approach':
      return `${actor} came close to ${target}.`;
    case 'withdraw':
      return e.target ? `${actor} stepped back from ${target}.` : `${actor} stepped back.`;
    case 'touch':
      return `${actor} touched ${target}.`;
    case 'aim':
      return `${actor} aimed ${names.item(data.item as string)} at ${target}.`;
    case 'lower':
      return `${actor} lowered ${data.item ? names.item(data.item as string) : 'the weapon'}.`;
    case 'order':
      return data.voice
        ? `${actor} used the command voice on ${target}: ${describeDemand({ ...data, do: String(e.value) }, names)}.`
        : `${actor} ordered ${target} to ${describeDemand({ ...data, do: String(e.value) }, names)}.`;
    case 'say':
      return `${actor} said${e.target ? ` to ${target}` : ''}: “${data.text}”`;
    case 'tell':
      return `${actor} told ${target} that ${names.character(data.about as string)} is ${article(String(e.value))}.`;
    case 'refuse':
      return `${actor} refused ${target}: “Don't.”`;
    case 'submit':
      return `${actor} lowered their head, arms loose${e.target ? `, before ${target}` : ''}.`;
    case 'reassure':
      return `${actor} reassured ${target}.`;
    case 'shower':
      return `${actor} showered.`;
    case 'medication':
      return e.value === 'take'
        ? `${actor} took ${names.item(data.medication as string)}.`
        : `${actor} stopped taking ${names.item(data.medication as string)}.`;
    case 'mark':
      return `${actor} marked ${target}.`;
    case 'present':
      return `${actor} presented as ${article(String(e.value))}.`;
    case 'request-leave':
      return e.target ? `${actor} asked ${target} for leave.` : `${actor} asked for leave.`;
    case 'detect':
      if (data.via === 'residue') {
        return `${actor} ${data.again ? 'still ' : ''}smelled ${target}'s scent on their own skin.`;
      }
      return `${actor} ${data.again ? 'still ' : ''}caught ${target}'s scent${ROUTE_PHRASE[String(data.via)] ?? ''}: ${names.scent(e.target)}.`;
    case 'identify':
      return `${actor} caught a scent of ${names.scent(e.target)}${data.via === 'near-field' ? ' at close range' : ''}${
        data.via === 'residue' ? ' on their own skin' : ''
      }: ${target} is ${article(String(e.value))}.`;
    case 'smell-on':
      return `${actor} smelled ${names.character(String(e.value))} on ${target}.`;
    case 'recognise-heat':
      return `${actor} recognised that ${target} is in heat.`;
    case 'lie-detected':
      return `${actor} smelled the lie on ${target}: a sour note.`;
    case 'truth-sensed':
      return `${actor} sensed that ${target} was not lying.`;
    case 'belief':
      if (data.source === 'record')
        return `${actor} knows from a record that ${target} is ${article(String(e.value))}.`;
      if (data.source === 'assumed')
        return `${actor} took ${target} for ${article(String(e.value))} (${SOURCE_HOW.assumed}).`;
      return `${actor} now believes ${target} is ${article(String(e.value))} (${SOURCE_HOW[data.source as BeliefSource]}).`;
    case 'consent-block':
      return data.reason === 'no consent'
        ? `${actor}'s ${e.value} toward ${target} was blocked: ${target} had not consented.`
        : `${actor}'s ${e.value ?? 'approach'} toward ${target} was blocked: ${target} had refused.`;
    case 'consent':
      return `${actor} consented to ${target}.`;
    case 'drive':
      return narrateDrive(e, actor, target);
    case 'resist':
      return e.value === 'longing'
        ? `${actor} held back from reaching for ${target}${data.reason === 'no consent' ? ': no consent' : ''}.`
        : `${actor} held back the urge to go for ${target}.`;
    case 'snarl':
      return `${actor} snarled at ${target}.`;
    case 'restrain':
      return `${actor} seized ${target} and held them back.`;
    case 'release':
      return `${actor} let go of ${target}.`;
    case 'whine':
      return data.reason === 'sent-away'
        ? `${actor} whined at being sent away by ${target}.`
        : `${actor} whined as ${target}'s touch ended.`;
    case 'shiver':
      return `${actor} shivered at ${target}'s scent.`;
    case 'comply':
      return `${actor} obeyed ${target}'s order to ${describeDemand({ ...data, do: String(e.value) }, names)}.`;
    case 'defy':
      return `${actor} defied ${target}'s order to ${describeDemand({ ...data, do: String(e.value) }, names)}.`;
    case 'bond':
      return `${actor} and ${target} are bonded.`;
    case 'recognise-bond':
      return `${actor} smelled that ${target} is bonded to ${names.character(String(e.value))}.`;
    case 'pre-heat':
      return data.ongoing
        ? `${actor} is in pre-heat: the scent is strengthening ahead of heat.`
        : `${actor}'s pre-heat began: the scent is strengthening ahead of heat.`;
    case 'heat-onset':
    case 'rut-onset': {
      const kind = e.type === 'heat-onset' ? 'heat' : 'rut';
      const apart = data.apartFrom ? `, apart from ${names.character(String(data.apartFrom))}` : '';
      return data.ongoing ? `${actor} is in ${kind}${apart}.` : `${actor}'s ${kind} began${apart}.`;
    }
    case 'separation':
      return e.value === 'faded'
        ? `${actor}'s bond with ${target} has faded, after ${humanDuration(Number(data.apart))} apart.`
        : `${actor}, apart from ${target} for ${humanDuration(Number(data.apart))}, ${SEPARATION_PHRASE[String(e.value)] ?? `is ${e.value}`}.`;
    case 'reunion':
      return `${actor} is with ${target} again, after ${humanDuration(Number(data.apart))} apart: the ache eases.`;
    case 'reminder':
      return `${actor}'s datapad reminder: ${data.kind ?? 'heat'} expected around ${names.clock(Number(data.center))} (between ${names.clock(Number(data.from))} and ${names.clock(Number(data.to))}).`;
    case 'conflict':
      return data.via
        ? `${actor} will be on leave with ${names.character(String(data.via))} during ${names.event(String(data.event))} (${data.kind ?? 'heat'} ${e.value}).`
        : `${actor} cannot be at ${names.event(String(data.event))}: ${data.kind ?? 'heat'} ${e.value} between ${names.clock(Number(data.from))} and ${names.clock(Number(data.to))}.`;
    case 'reschedule': {
      const leave = Array.isArray(data.leave)
        ? data.leave.map((id) => names.character(String(id))).join(' and ')
        : '';
      return `${actor} moved ${names.event(String(data.event))} to ${e.value} (${names.clock(Number(data.to))})${leave ? `; on leave: ${leave}` : ''}.`;
    }
    case 'heat-advanced':
      return `${actor}'s heat was brought forward by ${e.value} hour${e.value === 1 ? '' : 's'}: ${target}'s scent.`;
    case 'heat-end':
      return `${actor}'s heat ended${data.apartFrom ? `, spent apart from ${names.character(String(data.apartFrom))}` : ''}.`;
    case 'pre-rut':
      return data.ongoing
        ? `${actor} is in pre-rut: the scent is strengthening ahead of rut.`
        : `${actor}'s pre-rut began: the scent is strengthening ahead of rut.`;
    case 'rut-advanced':
      return `${actor}'s rut was brought forward by ${e.value} hour${e.value === 1 ? '' : 's'}: ${target}'s heat.`;
    case 'rut-end':
      return `${actor}'s rut ended${data.apartFrom ? `, spent apart from ${names.character(String(data.apartFrom))}` : ''}.`;
    default:
      return `${actor}: ${e.type}${e.target ? ` (${target})` : ''}${e.value !== undefined ? ` — ${e.value}` : ''}.`;
  }
}

/** What each stage of a separation from one's mate is, in words. */
const SEPARATION_PHRASE: Record<string, string> = {
  restless: 'grows restless',
  aching: 'aches for the bond',
  unwell: 'feels unwell',
};

const DRIVE_PHRASE: Record<string, string> = {
  protect: 'grew protective of',
  aggression: 'turned aggressive toward',
  discomfort: 'grew uneasy at the scent of',
  longing: 'was drawn to',
};

function narrateDrive(e: WorldEvent, actor: string, target: string): string {
  const d = e.data;
  if (e.value === 'calm') return `${actor} calmed (${d.drive} ${d.before} → ${d.level}).`;
  return `${actor} ${DRIVE_PHRASE[String(e.value)] ?? `felt ${e.value} toward`} ${target} (${e.value} ${d.level}).`;
}

/** An event as a JSON-able record for tools: the event, its clock reading and its sentence. */
export function eventRecord(e: WorldEvent, def: WorldDefinition, names: Names) {
  return { ...e, clock: formatClock(def.clock, e.t), elapsed: formatDuration(e.t), text: narrate(e, names) };
}
