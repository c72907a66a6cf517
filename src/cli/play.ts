/**
 * `omegaverse play FILE --as ID`: a scene played in the terminal as one of its characters. The scene
 * runs to the next moment something reaches them and is told as they live it; then the player picks a
 * numbered choice, or waits, asks why, asks who is what, saves, loads or quits. Lines come from the
 * keyboard, or from a file (`--script`), which makes a play-through a replayable transcript: every line
 * read is echoed after the prompt, as if typed.
 */
import { extname } from 'node:path';
import type { ActResult } from '../engine/world.js';
import type { WorldDefinition } from '../model/definition.js';
import { formatTree } from '../narrate/tree.js';
import { type Choice, Play, type PlaySave } from '../play/play.js';
import { didYouMean } from '../shape/wording.js';
import { formatClock, formatStamp, parseDuration } from '../units/time.js';
import { SOURCE_HOW } from '../vocabulary/beliefs.js';
import { readText, UserError, writeAtomic } from './io.js';
import type { Terminal } from './terminal.js';

const COMMANDS = ['wait', 'why', 'who', 'save', 'load', 'quit', 'help'];

const HELP = [
  'Type the number of a choice, or:',
  '  wait (Enter)   on to the next thing that happens',
  '  wait 5m        let five minutes pass (90s, 2h, 0:05:00…)',
  '  why N          why what is marked [N] happened, as far as you can know',
  '  who            what you take everyone for, and how you know',
  '  save NAME      save the game to NAME.json',
  '  load NAME      go back to a saved game',
  '  quit',
].join('\n');

export interface PlaySession {
  definition: WorldDefinition;
  as: string;
  seed?: number;
  /** the lines to play, from `--script` (named for its errors) */
  script?: { file: string; lines: readonly string[] };
}

/** A mistake in what was typed: told, and the game goes on (from a script, it ends the run). */
class Mistake extends Error {}

export async function playInTerminal(session: PlaySession, io: Terminal): Promise<void> {
  const out = (text: string) => io.stdout(`${text}\n`);
  let play = Play.start(session.definition, {
    as: session.as,
    marks: true,
    ...(session.seed !== undefined && { seed: session.seed }),
  });
  const def = play.world.definition;
  const who = (id: string) => def.characters.find((c) => c.id === id)!.name;
  out(
    `${def.title} — played as ${who(play.as)}. Type a number, or wait, why N, who, save NAME, load NAME, quit (help: more).`,
  );
  const tell = () => {
    for (const p of play.next()) out(`\n${p.stamp}  ${p.text}`);
  };
  let shown = '';
  const showChoices = () => {
    if (play.finished) return;
    const choices = play.choices();
    const lines = choiceLines(choices);
    // The same list as last time is not printed again: it is just above.
    if (lines.join('\n') === shown) {
      out(`\nWhat does ${who(play.as)} do? (1–${choices.length}, as before)`);
      return;
    }
    shown = lines.join('\n');
    out(`\nWhat does ${who(play.as)} do?`);
    for (const line of lines) out(`  ${line}`);
  };
  const acted = (result: ActResult) => {
    if (!result.ok) {
      out(`Not now: ${result.reason}.${result.hint ? ` (${result.hint})` : ''}`);
      return false;
    }
    return true;
  };

  tell();
  showChoices();
  const lines = session.script ? fromList(session.script.lines) : io.lines?.();
  if (!lines)
    throw new UserError(
      'play: nothing to read the choices from (give --script FILE, or run it in a terminal)',
    );
  const echo = session.script !== undefined || !io.inputIsTTY;
  let lineNumber = 0;
  io.stdout('> ');
  for await (const raw of lines) {
    lineNumber++;
    const line = raw.trim();
    if (echo) io.stdout(`${raw}\n`);
    try {
      const moved = command(line);
      if (moved === 'quit') return;
      if (moved) {
        tell();
        if (play.finished) {
          out(`\nThe scene ends at ${formatClock(def.clock, play.time)}.`);
          return;
        }
        showChoices();
      }
    } catch (error) {
      if (!(error instanceof Mistake)) throw error;
      if (session.script) throw new UserError(`${session.script.file}:${lineNumber}: ${error.message}`);
      out(error.message);
    }
    io.stdout('> ');
  }
  io.stdout('\n');

  /** Carries out one line; returns whether the scene moved on (and is to be told), or 'quit'. */
  function command(line: string): boolean | 'quit' {
    const [word = '', ...rest] = line.split(/\s+/);
    const argument = rest.join(' ');
    if (/^\d+$/.test(word) && !argument) {
      const count = play.choices().length;
      const n = Number(word);
      if (n < 1 || n > count) throw new Mistake(`there is no choice ${n}: pick one from 1 to ${count}`);
      return acted(play.choose(n - 1));
    }
    switch (word.toLowerCase()) {
      case '':
      case 'wait': {
        if (!argument) return true;
        const seconds = parseDuration(argument);
        if (seconds === undefined || seconds <= 0)
          throw new Mistake(`wait: expected a length of time such as 30s, 5m or 1h, got '${argument}'`);
        for (const p of play.next(seconds)) out(`\n${p.stamp}  ${p.text}`);
        if (play.finished) {
          out(`\nThe scene ends at ${formatClock(def.clock, play.time)}.`);
          return 'quit';
        }
        showChoices();
        return false;
      }
      case 'why': {
        const id = Number(argument.replace(/^#/, ''));
        const tree = Number.isInteger(id) ? play.why(id) : undefined;
        if (!tree)
          throw new Mistake(
            `why: expected the number of something that happened, as marked [N], got '${argument}'`,
          );
        io.stdout(formatTree(tree, def, play.events));
        return false;
      }
      case 'who': {
        for (const { character, belief } of play.beliefs()) {
          const known = belief
            ? `${article(belief.value)} ${belief.value} (${SOURCE_HOW[belief.source]}) since ${formatClock(def.clock, belief.since)}`
            : 'not met yet';
          out(`  ${who(character)}: ${known}`);
        }
        return false;
      }
      case 'save': {
        const path = saveFile(argument);
        writeAtomic(path, `${JSON.stringify(play.save())}\n`);
        out(`Saved to ${path} at ${formatStamp(def.clock, play.time)}.`);
        return false;
      }
      case 'load': {
        const path = saveFile(argument);
        let save: PlaySave;
        try {
          save = JSON.parse(readText(path)) as PlaySave;
          play = Play.load(save, { marks: true });
        } catch (error) {
          throw new Mistake(`load: ${path} is not a saved game (${(error as Error).message})`);
        }
        out(`Loaded ${path}: ${formatStamp(def.clock, play.time)}, played as ${who(play.as)}.`);
        showChoices();
        return false;
      }
      case 'quit':
        return 'quit';
      case 'help':
        out(HELP);
        return false;
      default: {
        const hint = didYouMean(word.toLowerCase(), COMMANDS);
        throw new Mistake(
          `unknown command '${word}': type the number of a choice, or ${COMMANDS.join(', ')}${hint ? ` (${hint})` : ''}`,
        );
      }
    }
  }
}

/** Kinds of action told apart only by whom they are done to: listed on one line, by name. */
const BY_TARGET = new Set([
  'approach',
  'withdraw',
  'touch',
  'aim',
  'refuse',
  'consent',
  'submit',
  'reassure',
  'mark',
  'request-leave',
]);

/**
 * The choices, numbered from 1: each on a line of its own, but those that differ only in whom (`come
 * close to: 4. Rey · 5. Finn`) or, for orders and things told, in what (`order Finn to: 9. step back
 * · 10. go into the corridor`) share one, under the words they begin with.
 */
export function choiceLines(choices: readonly Choice[]): string[] {
  const keyOf = ({ action }: Choice) =>
    BY_TARGET.has(action.do)
      ? action.do
      : (action.do === 'order' || action.do === 'tell') && 'target' in action
        ? `${action.do}\u0000${action.target}`
        : undefined;
  const groups: { key: string | undefined; items: { n: number; text: string }[] }[] = [];
  choices.forEach((choice, i) => {
    const key = keyOf(choice);
    const last = groups.at(-1);
    if (key !== undefined && last?.key === key) last.items.push({ n: i + 1, text: choice.text });
    else groups.push({ key, items: [{ n: i + 1, text: choice.text }] });
  });
  return groups.map(({ items }) => {
    if (items.length === 1) return `${items[0]!.n}. ${items[0]!.text}`;
    const words = items.map((item) => item.text.split(' '));
    let common = 0;
    while (words.every((w) => common < w.length - 1 && w[common] === words[0]![common])) common++;
    const head = words[0]!.slice(0, common).join(' ');
    return `${head}: ${items.map((item, i) => `${item.n}. ${words[i]!.slice(common).join(' ')}`).join(' · ')}`;
  });
}

/** `NAME` as a file: `NAME.json` unless it has an extension of its own. */
function saveFile(name: string): string {
  if (!name) throw new Mistake('save and load need a NAME: save medbay');
  return extname(name) ? name : `${name}.json`;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

async function* fromList(lines: readonly string[]): AsyncIterable<string> {
  yield* lines;
}
