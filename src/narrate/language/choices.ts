/**
 * A choice as a player reads it: the action in the imperative, to the character played as "you" —
 * "take off the sealed helmet", "tell Rey that you are a beta", "order Finn to step back".
 */
import type { ActionBody } from '../../vocabulary/actions.js';
import type { Pronouns } from '../../vocabulary/pronouns.js';
import { describeDemand } from './demands.js';
import type { Names } from './names.js';
import { withArticle } from './phrases.js';
import { Voice } from './voice.js';

const YOU: Pronouns = { subject: 'you', object: 'you', possessive: 'your', reflexive: 'yourself' };

/** `names`, with `actor` as "you". */
function secondPerson(names: Names, actor: string): Names {
  return {
    ...names,
    character: (id) => (id === actor ? 'you' : names.character(id)),
    short: (id) => (id === actor ? 'you' : names.short(id)),
    pronouns: (id) => (id === actor ? YOU : names.pronouns(id)),
  };
}

/** What `actor` would do, in the imperative. */
export function describeChoice(action: ActionBody, actor: string, names: Names): string {
  const v = new Voice(secondPerson(names, actor));
  switch (action.do) {
    case 'order': {
      const voice = action.voice ? ', in the command voice,' : '';
      return `order ${v.who(action.target)}${voice} to ${describeDemand(action.demand, v, action.target, actor)}`;
    }
    case 'tell': {
      const verb = action.about === actor ? 'are' : 'is';
      return `tell ${v.who(action.target)} that ${v.who(action.about)} ${verb} ${withArticle(action.value)}`;
    }
    default:
      return describeDemand(action, v, actor, undefined);
  }
}
