/**
 * One plain English sentence per event. Narration reads only the event, the scenario's names and, for
 * a few sentences, the log before it: it never invents what the engine did not decide, and it never
 * describes anything sexual. Every event type has its sentence here: TypeScript refuses to build until
 * a new type has one.
 */
import { MEDICAL_LEAVE } from '../../calendar/redact.js';
import type { WorldDefinition } from '../../model/definition.js';
import type { WorldEvent } from '../../model/events.js';
import { impliedCauses } from '../../model/explain.js';
import { countWord } from '../../units/number-words.js';
import { formatClock, formatDuration } from '../../units/time.js';
import type { DemandBody } from '../../vocabulary/actions.js';
import { type BeliefSource, SOURCE_HOW } from '../../vocabulary/beliefs.js';
import type { EventType } from '../../vocabulary/events.js';
import { describeDemand } from './demands.js';
import type { Names } from './names.js';
import { dayPhrase, listing, sentenceCase, spokenDuration, withArticle } from './phrases.js';
import { refusalWords } from './refusals.js';
import { Voice } from './voice.js';

export type { Names } from './names.js';
export { namesOf } from './names.js';

/** What a sentence may draw on besides the event. */
export interface Telling {
  /** the paragraph the sentence belongs to (default: one of its own, so every name is in full) */
  voice?: Voice;
  /** the log, in id order, for the few sentences that look back (a heat that came early) */
  log?: readonly WorldEvent[];
}

type Data = Record<string, string | number | boolean | undefined>;
type Sentence = (e: WorldEvent, v: Voice, data: Data, log: readonly WorldEvent[]) => string;

const ROUTE_PHRASE: Record<string, string> = { air: '', 'near-field': ' at close range', residue: '' };

/**
 * A `detect` said of `subject`: the one who caught the scent, or several who caught it at once (the
 * beats view folds them). A scent on one's own skin is one person's.
 */
export function scentCaught(subject: string, e: WorldEvent, v: Voice): string {
  const still = e.data.again ? 'still ' : '';
  if (e.data.via === 'residue')
    return `${subject} ${still}smelled ${v.whose(e.target)} scent on ${v.possessive(e.actor)} own skin.`;
  return `${subject} ${still}caught ${v.whose(e.target)} scent${ROUTE_PHRASE[String(e.data.via)] ?? ''}: ${v.names.scent(e.target)}.`;
}

/** An `identify` said of `subject`, as `scentCaught`. */
export function kindCaught(subject: string, e: WorldEvent, v: Voice): string {
  const where =
    e.data.via === 'residue'
      ? ` on ${v.possessive(e.actor)} own skin`
      : (ROUTE_PHRASE[String(e.data.via)] ?? '');
  return `${subject} caught a scent of ${v.names.scent(e.target)}${where}: ${v.who(e.target)} is ${withArticle(String(e.value))}.`;
}

/** A drive that rose, toward whom: `grew protective of Phasma`, `grew uneasy at Rey's scent`. */
const DRIVE_PHRASE: Record<string, (v: Voice, target: string | undefined) => string> = {
  protect: (v, t) => `grew protective of ${v.who(t)}`,
  aggression: (v, t) => `turned aggressive toward ${v.who(t)}`,
  discomfort: (v, t) => `grew uneasy at ${v.whose(t)} scent`,
  longing: (v, t) => `was drawn to ${v.who(t)}`,
};

/** A heat's or a rut's onset: under way at the start, or begun (early, if something brought it forward). */
function onset(kind: 'heat' | 'rut', e: WorldEvent, v: Voice, d: Data, log: readonly WorldEvent[]): string {
  const apart = d.apartFrom ? `, apart from ${v.who(String(d.apartFrom))}` : '';
  if (d.ongoing) return `${v.lead(e.actor)} ${v.agree('is', 'are')} in ${kind}${apart}.`;
  const advanced = impliedCauses(log, e).at(-1);
  const early = advanced ? `, ${hours(Number(advanced.value))} early` : '';
  return `${v.leadWhose(e.actor)} ${kind} began${early}${apart}.`;
}

/** A heat or a rut that ended with one's mate away. */
const spentApart = (v: Voice, d: Data) =>
  d.apartFrom ? `, spent apart from ${v.who(String(d.apartFrom))}` : '';

/** What each stage of a separation from one's mate does to them, in words. */
const SEPARATION_PHRASE: Record<string, (v: Voice) => string> = {
  restless: (v) => `${v.agree('grows', 'grow')} restless`,
  aching: (v) => `${v.agree('aches', 'ache')} for the bond`,
  unwell: (v) => `${v.agree('feels', 'feel')} unwell`,
};

const hours = (n: number) => `${countWord(n)} hour${n === 1 ? '' : 's'}`;

/** The demand an order, a compliance or a defiance carries, from its value and data. */
const demandOf = (e: WorldEvent, data: Data) => ({ ...data, do: String(e.value) }) as unknown as DemandBody;

/** Whether the order behind a compliance or defiance was told earlier in this paragraph. */
const orderTold = (e: WorldEvent, v: Voice, log: readonly WorldEvent[]) =>
  e.causes.some((id) => log[id - 1]?.type === 'order' && v.hasSaid(`event\u0000${id}`));

/** Who a statement is about and its verb, for a `that … is` clause: a pronoun where it is plain who. */
function aboutWhom(e: WorldEvent, v: Voice, about: string | undefined): string {
  if (about === e.actor) {
    // "Ren told Hux that he is a beta" could mean either of two men: "he himself".
    const emphasis = v.confusable(about, e.target) ? ` ${v.reflexive(about)}` : '';
    return `${v.subject(about)}${emphasis} ${v.is(about)}`;
  }
  if (about === e.target && !v.confusable(about, e.actor)) return `${v.subject(about)} ${v.is(about)}`;
  return `${v.who(about)} is`;
}

const SENTENCES: Record<EventType, Sentence> = {
  move: (e, v, d) => {
    if (e.value === 'restrained')
      return `${v.lead(e.actor)} could not get away: ${v.who(String(d.by))} held ${v.object(e.actor)}.`;
    if (e.value === 'blocked')
      return `${v.lead(e.actor)} could not get ${v.names.into(String(d.to))}: no open way.`;
    return `${v.lead(e.actor)} went from ${v.names.place(String(d.from))} ${v.names.into(String(d.to))}.`;
  },
  door: (e, v) => {
    // "the door to Hux's quarters": named by the side the actor is not on.
    const sides = (e.data.between as string[] | undefined) ?? [];
    const far = sides.find((p) => p !== e.place) ?? sides[0];
    return `${v.lead(e.actor)} ${e.value === 'open' ? 'opened' : 'closed'} the door to ${v.names.place(far)}.`;
  },
  gear: (e, v, d) =>
    e.value === 'wear'
      ? `${v.lead(e.actor)} put on ${v.names.item(String(d.item))}.`
      : `${v.lead(e.actor)} took off ${v.names.item(String(d.item))}${Number(d.released) > 0 ? ', releasing the scent held inside' : ''}.`,
  approach: (e, v) => `${v.lead(e.actor)} came close to ${v.who(e.target)}.`,
  withdraw: (e, v, d) => {
    if (!e.target) {
      // Untargeted: from everyone who was close (`from`), or, with nobody close, from nobody.
      const from = (e.data.from as string[] | undefined) ?? [];
      return `${v.lead(e.actor)} stepped back${from.length ? ` from ${listing(from.map((id) => v.who(id)))}` : ''}.`;
    }
    // Made to by a refusal: the sentence says so.
    const why = d.reason === 'refused' ? `, who had refused ${v.object(e.actor)}` : '';
    return `${v.lead(e.actor)} stepped back from ${v.who(e.target)}${why}.`;
  },
  touch: (e, v) => `${v.lead(e.actor)} touched ${v.who(e.target)}.`,
  aim: (e, v, d) => `${v.lead(e.actor)} aimed ${v.names.item(String(d.item))} at ${v.who(e.target)}.`,
  lower: (e, v, d) => `${v.lead(e.actor)} lowered ${d.item ? v.names.item(String(d.item)) : 'the weapon'}.`,
  order: (e, v, d) => {
    const words = d.words;
    const actor = v.lead(e.actor);
    const quote = words ? `: “${words}”` : '.';
    const voice = d.voice ? ' in the command voice' : '';
    // The same demand of the same person, again in this paragraph: "gave Phasma the same order".
    const { words: _, ...demand } = d;
    if (v.saidBefore(`demand\u0000${e.target}\u0000${e.value}\u0000${JSON.stringify(demand)}`))
      return `${actor} gave ${v.who(e.target)} the same order${voice}${quote}`;
    return `${actor} ordered ${v.who(e.target)}${voice ? `,${voice},` : ''} to ${describeDemand(demandOf(e, d), v, e.target, e.actor)}${quote}`;
  },
  say: (e, v, d) => `${v.lead(e.actor)} said${e.target ? ` to ${v.who(e.target)}` : ''}: “${d.text}”`,
  tell: (e, v, d) => {
    const about = d.about === undefined ? undefined : String(d.about);
    const teller = v.lead(e.actor);
    const listener = v.who(e.target);
    return `${teller} told ${listener} that ${aboutWhom(e, v, about)} ${withArticle(String(e.value))}.`;
  },
  refuse: (e, v) => `${v.lead(e.actor)} refused ${v.who(e.target)}: “${refusalWords(e, v.names)}”`,
  consent: (e, v) => `${v.lead(e.actor)} consented to ${v.who(e.target)}.`,
  submit: (e, v) =>
    `${v.lead(e.actor)} lowered ${v.possessive(e.actor)} head, arms loose${e.target ? `, before ${v.who(e.target)}` : ''}.`,
  reassure: (e, v) => `${v.lead(e.actor)} reassured ${v.who(e.target)}.`,
  shower: (e, v) => `${v.lead(e.actor)} showered.`,
  medication: (e, v, d) =>
    e.value === 'take'
      ? `${v.lead(e.actor)} took ${v.names.item(String(d.medication))}.`
      : `${v.lead(e.actor)} stopped taking ${v.names.item(String(d.medication))}.`,
  mark: (e, v) => `${v.lead(e.actor)} marked ${v.who(e.target)}.`,
  present: (e, v) => `${v.lead(e.actor)} presented as ${withArticle(String(e.value))}.`,
  'request-leave': (e, v, d) =>
    `${v.lead(e.actor)} asked ${e.target ? `${v.who(e.target)} ` : ''}for leave${d.event ? ` from ${v.names.event(String(d.event))}` : ''}.`,
  detect: (e, v) => scentCaught(v.lead(e.actor), e, v),
  identify: (e, v) => kindCaught(v.lead(e.actor), e, v),
  'smell-on': (e, v) => `${v.lead(e.actor)} smelled ${v.who(String(e.value))} on ${v.who(e.target)}.`,
  'recognise-heat': (e, v) => `${v.lead(e.actor)} recognised that ${v.who(e.target)} is in heat.`,
  'lie-detected': (e, v) => `${v.lead(e.actor)} smelled the lie on ${v.who(e.target)}: a sour note.`,
  'truth-sensed': (e, v) => `${v.lead(e.actor)} sensed that ${v.who(e.target)} was not lying.`,
  belief: (e, v, d) => {
    const actor = v.lead(e.actor);
    const what = withArticle(String(e.value));
    if (d.source === 'record')
      return `${actor} ${v.agree('knows', 'know')} from a record that ${v.who(e.target)} is ${what}.`;
    if (d.source === 'assumed')
      return `${actor} took ${v.who(e.target)} for ${what} (${SOURCE_HOW.assumed}).`;
    return `${actor} now ${v.agree('believes', 'believe')} ${v.who(e.target)} is ${what} (${SOURCE_HOW[d.source as BeliefSource]}).`;
  },
  'recognise-bond': (e, v) =>
    `${v.lead(e.actor)} smelled that ${v.who(e.target)} is bonded to ${v.who(String(e.value))}.`,
  drive: (e, v, d) => {
    const actor = v.lead(e.actor);
    if (e.value === 'calm') {
      // Calmed again within the paragraph: "calmed further".
      const further = v.saidBefore(`calm\u0000${e.actor}`) ? ' further' : '';
      return `${actor} calmed${further}${v.numbers ? ` (${d.drive} ${d.before} → ${d.level})` : ''}.`;
    }
    const phrase =
      DRIVE_PHRASE[String(e.value)]?.(v, e.target) ?? `felt ${e.value} toward ${v.who(e.target)}`;
    return `${actor} ${phrase}${v.numbers ? ` (${e.value} ${d.level})` : ''}.`;
  },
  resist: (e, v, d) => {
    const actor = v.lead(e.actor);
    // Held back again within the paragraph: "held back again: Ren had not consented."
    const again = v.saidBefore(`resist\u0000${e.actor}\u0000${e.target}\u0000${e.value}`);
    if (e.value !== 'longing')
      return again
        ? `${actor} held back again.`
        : `${actor} held back the urge to go for ${v.who(e.target)}.`;
    const noConsent = d.reason === 'no consent';
    const ownRefusal = d.reason === 'own refusal';
    if (again) {
      const who = v.who(e.target);
      const why = noConsent
        ? `: ${who} had not consented`
        : ownRefusal
          ? `: ${v.subject(e.actor)} had refused ${who}`
          : '';
      return `${actor} held back again${why}.`;
    }
    const target = v.who(e.target);
    if (noConsent) return `${actor} held back from reaching for ${target}, who had not consented.`;
    if (ownRefusal)
      return `${actor} held back from reaching for ${target}, whom ${v.subject(e.actor)} had refused.`;
    return `${actor} held back from reaching for ${target}.`;
  },
  snarl: (e, v) => `${v.lead(e.actor)} snarled at ${v.who(e.target)}.`,
  restrain: (e, v) => `${v.lead(e.actor)} seized ${v.who(e.target)} and held ${v.object(e.target)} back.`,
  release: (e, v, d) =>
    `${v.lead(e.actor)} let go of ${v.who(e.target)}${d.reason === 'refused' ? `, who had refused ${v.object(e.actor)}` : ''}.`,
  whine: (e, v, d) => {
    const actor = v.lead(e.actor);
    return d.reason === 'sent-away'
      ? `${actor} whined at being sent away by ${v.who(e.target)}.`
      : `${actor} whined as ${v.whose(e.target)} touch ended.`;
  },
  // Seen from outside (a point of view), a shiver has no known cause.
  shiver: (e, v) =>
    e.target ? `${v.lead(e.actor)} shivered at ${v.whose(e.target)} scent.` : `${v.lead(e.actor)} shivered.`,
  comply: (e, v, d, log) => {
    const actor = v.lead(e.actor);
    if (orderTold(e, v, log)) return `${actor} obeyed ${v.who(e.target)}.`;
    return `${actor} obeyed ${v.whose(e.target)} order to ${describeDemand(demandOf(e, d), v, e.actor, e.target)}.`;
  },
  defy: (e, v, d, log) => {
    const actor = v.lead(e.actor);
    // Defied because the receiver had refused the giver: the sentence says so.
    const why = d.reason === 'refused' ? `: ${v.subject(e.actor)} had refused ${v.object(e.target)}` : '';
    if (orderTold(e, v, log)) return `${actor} defied ${v.who(e.target)}${why}.`;
    return `${actor} defied ${v.whose(e.target)} order to ${describeDemand(demandOf(e, d), v, e.actor, e.target)}${why}.`;
  },
  'consent-block': (e, v, d) => {
    const actor = v.leadWhose(e.actor);
    const target = v.who(e.target);
    return d.reason === 'no consent'
      ? `${actor} ${e.value} toward ${target} was blocked: ${v.who(e.target)} had not consented.`
      : `${actor} ${e.value ?? 'approach'} toward ${target} was blocked: ${v.who(e.target)} had refused.`;
  },
  bond: (e, v) => `${v.lead(e.actor)} and ${v.who(e.target)} are bonded.`,
  'pre-heat': (e, v, d) =>
    d.ongoing
      ? `${v.lead(e.actor)} ${v.agree('is', 'are')} in pre-heat: ${v.possessive(e.actor)} scent is strengthening ahead of heat.`
      : `${v.leadWhose(e.actor)} pre-heat began: ${v.possessive(e.actor)} scent is strengthening ahead of heat.`,
  'heat-onset': (e, v, d, log) => onset('heat', e, v, d, log),
  'heat-advanced': (e, v) =>
    `${v.leadWhose(e.target)} scent brought ${v.whose(e.actor)} heat forward by ${hours(Number(e.value))}${Number(e.value) > 1 ? ' in all' : ''}.`,
  'heat-end': (e, v, d) => `${v.leadWhose(e.actor)} heat ended${spentApart(v, d)}.`,
  'pre-rut': (e, v, d) =>
    d.ongoing
      ? `${v.lead(e.actor)} ${v.agree('is', 'are')} in pre-rut: ${v.possessive(e.actor)} scent is strengthening ahead of rut.`
      : `${v.leadWhose(e.actor)} pre-rut began: ${v.possessive(e.actor)} scent is strengthening ahead of rut.`,
  'rut-onset': (e, v, d, log) => onset('rut', e, v, d, log),
  'rut-advanced': (e, v) =>
    `${v.leadWhose(e.target)} heat brought ${v.whose(e.actor)} rut forward by ${hours(Number(e.value))}${Number(e.value) > 1 ? ' in all' : ''}.`,
  'rut-end': (e, v, d) => `${v.leadWhose(e.actor)} rut ended${spentApart(v, d)}.`,
  separation: (e, v, d) => {
    const apart = spokenDuration(Number(d.apart));
    if (e.value === 'faded')
      return `${v.leadWhose(e.actor)} bond with ${v.who(e.target)} has faded, after ${apart} apart.`;
    return `${v.lead(e.actor)}, apart from ${v.who(e.target)} for ${apart}, ${SEPARATION_PHRASE[String(e.value)]?.(v) ?? `is ${e.value}`}.`;
  },
  reunion: (e, v, d) =>
    `${v.lead(e.actor)} ${v.agree('is', 'are')} with ${v.who(e.target)} again, after ${spokenDuration(Number(d.apart))} apart: the ache eases.`,
  reminder: (e, v, d) => {
    const when = (t: unknown) => dayPhrase(v.names.startClock, e.t, Number(t));
    return `${v.leadWhose(e.actor)} own reminder went off: ${d.kind ?? 'heat'} expected around ${when(d.center)} (between ${when(d.from)} and ${when(d.to)}).`;
  },
  conflict: (e, v, d) => {
    const when = (t: unknown) => dayPhrase(v.names.startClock, e.t, Number(t));
    const event = v.names.event(String(d.event));
    // As someone who does not know why sees it (a point of view): medical leave, as on the roster.
    if (d.reason === MEDICAL_LEAVE) return `${v.lead(e.actor)} cannot be at ${event}: ${MEDICAL_LEAVE}.`;
    const kind = d.kind ?? 'heat';
    return d.via
      ? `${v.lead(e.actor)} will be on leave with ${v.who(String(d.via))} during ${event} (${kind} ${e.value}).`
      : `${v.lead(e.actor)} cannot be at ${event}: ${kind} ${e.value} between ${when(d.from)} and ${when(d.to)}.`;
  },
  reschedule: (e, v, d) => {
    const actor = v.lead(e.actor);
    const leave = Array.isArray(d.leave) ? (d.leave as string[]) : [];
    // The approver first, as "he": "he and Kylo Ren will be on leave".
    const onLeave = [
      ...leave.filter((id) => id === e.actor).map((id) => v.subject(id)),
      ...leave.filter((id) => id !== e.actor).map((id) => v.who(id)),
    ];
    const moved = `${actor} moved ${v.names.event(String(d.event))} to ${dayPhrase(v.names.startClock, e.t, Number(d.to))} — ${e.value}`;
    return `${moved}${onLeave.length ? `; ${listing(onLeave)} will be on leave` : ''}.`;
  },
};

/** The event's sentence. Alone, every name is in full; in a paragraph's `voice`, short after the first. */
export function narrate(e: WorldEvent, names: Names, telling: Telling = {}): string {
  const voice = telling.voice ?? new Voice(names);
  voice.nextSentence();
  const sentence = sentenceCase(SENTENCES[e.type](e, voice, e.data as Data, telling.log ?? []));
  voice.saidBefore(`event\u0000${e.id}`);
  return sentence;
}

/** An event as a JSON-able record for tools: the event, its clock reading and its sentence. */
export function eventRecord(
  e: WorldEvent,
  def: WorldDefinition,
  names: Names,
  log: readonly WorldEvent[] = [],
) {
  return {
    ...e,
    clock: formatClock(def.clock, e.t),
    elapsed: formatDuration(e.t),
    text: narrate(e, names, { log }),
  };
}
