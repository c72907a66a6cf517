/**
 * What an order demands, as the infinitive phrase `ordered Phasma to …` ends with: a verb for every
 * kind of action, with the one ordered (`doer`) as its subject and the one who ordered it (`giver`)
 * as a pronoun where plain (`ordered Ada to come close to him`). A new action kind needs its entry.
 */
import type { ActionKind, DemandBody } from '../../vocabulary/actions.js';
import { withArticle } from './phrases.js';
import type { Voice } from './voice.js';

type Demand = { [K in DemandBody['do']]: Extract<DemandBody, { do: K }> };

/** What a phrase may use: the paragraph's voice, how to name someone, and who does it. */
interface Context {
  v: Voice;
  /** names a character: the giver as `him`/`her` where that cannot mean the doer */
  whom: (id: string | undefined) => string;
  doer: string | undefined;
}

type Phrase<K extends keyof Demand> = (d: Demand[K], c: Context) => string;

const DEMANDS: { [K in Exclude<ActionKind, 'order'>]: Phrase<K> } = {
  move: (d, { v }) => `go ${v.names.into(d.to)}`,
  open: (d, { v }) => `open ${v.names.door(d.door)}`,
  close: (d, { v }) => `close ${v.names.door(d.door)}`,
  wear: (d, { v }) => `put on ${v.names.item(d.item)}`,
  remove: (d, { v }) => `take off ${v.names.item(d.item)}`,
  approach: (d, { whom }) => `come close to ${whom(d.target)}`,
  withdraw: (d, { whom }) => (d.target ? `step back from ${whom(d.target)}` : 'step back'),
  touch: (d, { whom }) => `touch ${whom(d.target)}`,
  aim: (d, { v, whom }) => `aim ${d.item ? v.names.item(d.item) : 'a weapon'} at ${whom(d.target)}`,
  lower: (d, { v }) => `lower ${d.item ? v.names.item(d.item) : 'the weapon'}`,
  say: (d, { whom }) => `say${d.target ? ` to ${whom(d.target)}` : ''} “${d.text}”`,
  tell: (d, { whom }) => `tell ${whom(d.target)} that ${whom(d.about)} is ${withArticle(d.value)}`,
  refuse: (d, { whom }) => `refuse ${whom(d.target)}`,
  consent: (d, { whom }) => `consent to ${whom(d.target)}`,
  submit: (d, { v, whom, doer }) =>
    `lower ${v.possessive(doer)} head${d.target ? ` before ${whom(d.target)}` : ''}`,
  reassure: (d, { whom }) => `reassure ${whom(d.target)}`,
  shower: () => 'shower',
  take: (d, { v }) => `take ${v.names.item(d.medication)}`,
  stop: (d, { v }) => `stop taking ${v.names.item(d.medication)}`,
  mark: (d, { whom }) => `mark ${whom(d.target)}`,
  present: (d) => `present as ${withArticle(d.as)}`,
  'request-leave': (d, { v, whom }) =>
    `ask ${d.target ? `${whom(d.target)} ` : ''}for leave${d.event ? ` from ${v.names.event(d.event)}` : ''}`,
};

/** The infinitive phrase for a demanded action, done by `doer` at `giver`'s order: "take off the sealed helmet". */
export function describeDemand(
  demand: DemandBody,
  v: Voice,
  doer: string | undefined,
  giver: string | undefined,
): string {
  const whom = (id: string | undefined) =>
    id === giver && !v.confusable(giver, doer) ? v.object(id) : v.who(id);
  return (DEMANDS[demand.do] as Phrase<typeof demand.do>)(demand as never, { v, whom, doer });
}
