/**
 * What a character can do now, as ink lists a story's current choices: every action `World.act` would
 * accept from them that changes something, with its target — in the action table's order, and for
 * each kind in the order the scenario lists doors, items and characters. Words are the player's own:
 * a `say`, and an order's or a refusal's `text`, are not offered (take them with `act`).
 *
 * Only what would change something is offered: no opening an open door, no closeness with someone one
 * is already close to, nothing a refusal would block (an approach, a touch, a mark without consent),
 * no consent where nothing is refused and no mark could follow, no order that could not be obeyed (to
 * take off what is not worn), nothing told of a third that they do not keep secret.
 */
import type { Belief } from '../../model/knowledge.js';
import type { ActionBody, DemandBody } from '../../vocabulary/actions.js';
import { isAdult, REPRESENTATIONS } from '../../vocabulary/representations.js';
import { charsIn, type Engine, idOf, placeOf } from '../state/context.js';
import { consented, refused } from '../systems/consent.js';
import { weaponOf } from '../systems/gear.js';
import { closeTo } from '../systems/near-field.js';
import { checkAction } from './act.js';
import { possible } from './requirements.js';

/** What the character knows of someone, for what they may tell: a belief that is not an assumption. */
export type Knowledge = (observer: string, subject: string) => Belief | undefined;

/** The actions `a` can take now, each one `World.act` accepts. */
export function choicesOf(w: Engine, a: number, knows: Knowledge): ActionBody[] {
  const actor = idOf(w, a);
  return candidates(w, a, knows).filter((body) => checkAction(w, actor, body).ok);
}

function candidates(w: Engine, a: number, knows: Knowledge): ActionBody[] {
  const s = w.s;
  const def = w.definition;
  const actor = idOf(w, a);
  const here = placeOf(w, a);
  const doors = def.doors
    .map((d, i) => ({ ...d, state: s.doors[i]! }))
    .filter((d) => d.between.includes(here));
  const others = charsIn(w, s.place[a]!).filter((b) => b !== a);
  const close = new Set(closeTo(w, a));
  const weapon = (item: string) => w.canon.gear[item]?.weapon === true;
  const truth = s.representation[a]!;
  const presented = def.characters[a]!.presentsAs ?? 'beta';
  const out: ActionBody[] = [];
  const each = <T>(list: readonly T[], make: (item: T) => ActionBody | ActionBody[] | undefined) => {
    for (const item of list) {
      const made = make(item);
      if (made) out.push(...(Array.isArray(made) ? made : [made]));
    }
  };

  each(doors, (d) =>
    d.state === 'open' ? { do: 'move', to: d.between.find((p) => p !== here)! } : undefined,
  );
  each(doors, (d) => (d.state === 'closed' ? { do: 'open', door: d.id } : undefined));
  each(doors, (d) => (d.state === 'open' ? { do: 'close', door: d.id } : undefined));
  each(s.carries[a]!, (item) => (weapon(item) ? undefined : { do: 'wear', item }));
  each(s.wears[a]!, (item) => ({ do: 'remove', item }));
  // What a refusal blocks is not offered: it could only be blocked.
  const welcome = others.filter((b) => !refused(w, b, a));
  each(welcome, (b) => (close.has(b) ? undefined : { do: 'approach', target: idOf(w, b) }));
  each(others, (b) => (close.has(b) ? { do: 'withdraw', target: idOf(w, b) } : undefined));
  each(welcome, (b) => ({ do: 'touch', target: idOf(w, b) }));
  const armed = s.carries[a]!.some(weapon);
  each(others, (b) =>
    armed && s.aiming[a] !== b ? { do: 'aim', target: idOf(w, b), item: weaponOf(w, a) } : undefined,
  );
  if (s.aiming[a]! >= 0) out.push({ do: 'lower', item: weaponOf(w, a) });
  each(others, (b) =>
    demandsOf(w, b, a).flatMap((demand) => {
      const order = { do: 'order', target: idOf(w, b), demand, voice: false } as const;
      return truth === 'alpha' ? [order, { ...order, voice: true }] : [order];
    }),
  );
  each(others, (b) => {
    const target = idOf(w, b);
    const aboutSelf = [...new Set([truth, presented])].map(
      (value): ActionBody => ({ do: 'tell', target, about: actor, value }),
    );
    // About someone else: what the actor knows of them that they do not present as.
    const aboutOthers = def.characters.flatMap((c, i): ActionBody[] => {
      const known = i === a || i === b ? undefined : knows(actor, c.id);
      return known && known.source !== 'assumed' && known.value !== (c.presentsAs ?? 'beta')
        ? [{ do: 'tell', target, about: c.id, value: known.value }]
        : [];
    });
    return [...aboutSelf, ...aboutOthers];
  });
  each(others, (b) => (refused(w, a, b) ? undefined : { do: 'refuse', target: idOf(w, b) }));
  // A consent lifts a refusal, or lets a mark through.
  each(others, (b) =>
    refused(w, a, b) || (!consented(w, a, b) && isAdult(def.characters[a]!) && isAdult(def.characters[b]!))
      ? { do: 'consent', target: idOf(w, b) }
      : undefined,
  );
  each(others, (b) => ({ do: 'submit', target: idOf(w, b) }));
  each(others, (b) => ({ do: 'reassure', target: idOf(w, b) }));
  if (touchedSinceShower(w, actor)) out.push({ do: 'shower' });
  each(def.characters[a]!.medication, ({ name }) =>
    s.medication[a]!.includes(name) ? undefined : { do: 'take', medication: name },
  );
  each(s.medication[a]!, (medication) => ({ do: 'stop', medication }));
  // A mark without the other's consent could only be blocked.
  each(others, (b) =>
    s.bondedTo[a] !== b && consented(w, b, a) ? { do: 'mark', target: idOf(w, b) } : undefined,
  );
  const rostered = s.roster.some((event) => event.participants.includes(actor));
  each(others, (b) => (rostered ? { do: 'request-leave', target: idOf(w, b) } : undefined));
  if (truth === 'unpresented')
    each(
      REPRESENTATIONS.filter((r) => r !== 'unpresented'),
      (as) => ({ do: 'present', as }),
    );
  return out;
}

/** What `giver` may order `b` to do: what `b` could do now that would change something. */
function demandsOf(w: Engine, b: number, giver: number): DemandBody[] {
  const s = w.s;
  const there = placeOf(w, b);
  const exits = w.definition.doors
    .filter((d, i) => s.doors[i] === 'open' && d.between.includes(there))
    .map((d) => d.between.find((p) => p !== there)!);
  const demands: DemandBody[] = [
    ...s.wears[b]!.map((item): DemandBody => ({ do: 'remove', item })),
    ...(s.aiming[b]! >= 0 ? [{ do: 'lower', item: weaponOf(w, b) } as const] : []),
    ...(closeTo(w, b).length ? [{ do: 'withdraw' } as const] : []),
    ...exits.map((to): DemandBody => ({ do: 'move', to })),
    ...(closeTo(w, b).includes(giver) ? [] : [{ do: 'approach', target: idOf(w, giver) } as const]),
    { do: 'submit', target: idOf(w, giver) },
  ];
  return demands.filter((demand) => possible(w, b, demand));
}

/** Whether someone's touch may have left scent on `actor` since they last showered. */
function touchedSinceShower(w: Engine, actor: string): boolean {
  const events = w.s.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'shower' && e.actor === actor) return false;
    if (e.type === 'touch' && (e.actor === actor || e.target === actor)) return true;
  }
  return false;
}
