/** `omegaverse run` prints a scenario's narrated timeline; `omegaverse play` plays it as one character. */
import { type Command, Option } from 'commander';
import { World } from '../engine/world.js';
import type { WorldDefinition } from '../model/definition.js';
import { checkExpectations } from '../model/expect.js';
import { type BeatFilter, keepsEvent } from '../narrate/beats/beat.js';
import { tellRun } from '../narrate/beats/narrator.js';
import {
  DETAILS,
  type Detail,
  formatLog,
  formatStory,
  LOG_FORMATS,
  type LogFormat,
  storyFooter,
  storyLine,
  textLine,
} from '../narrate/format.js';
import { namesOf } from '../narrate/language/narrate.js';
import { Perspective } from '../perspective/perspective.js';
import { didYouMean } from '../shape/wording.js';
import { counted } from '../units/number-words.js';
import { EVENT_TYPES } from '../vocabulary/events.js';
import { type CommandContext, characterId, instantOf } from './context.js';
import { DEFAULT_SCENARIO, readText, UserError } from './io.js';
import { type InstantOption, instantOption, seedOption } from './options.js';
import { playInTerminal } from './play.js';

/** A comma-separated list: `identify,belief`. */
const listOption = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** What `--only` and `--about` keep, checked against the event types and the scenario's characters. */
function filterOf(def: WorldDefinition, opts: { only?: string[]; about?: string[] }): BeatFilter {
  for (const type of opts.only ?? []) {
    if (!(EVENT_TYPES as readonly string[]).includes(type)) {
      const hint = didYouMean(type, EVENT_TYPES);
      throw new UserError(
        `--only: unknown event type '${type}'${hint ? `; ${hint}` : ''} (see docs/events.md)`,
      );
    }
  }
  for (const id of opts.about ?? []) characterId(def, id, '--about');
  return {
    ...(opts.only && { only: new Set(opts.only) }),
    ...(opts.about && { about: new Set(opts.about) }),
  };
}

interface RunOptions {
  format: LogFormat;
  detail: Detail;
  only?: string[];
  about?: string[];
  until?: InstantOption;
  seed?: number;
  out?: string;
  pov?: string;
}

export function addRunCommands(program: Command, { io, emit, load, displayPath }: CommandContext): void {
  program
    .command('run')
    .description(
      'run a scenario (the bundled medbay scene if no file is given) and print the narrated timeline',
    )
    .argument('[file]', 'scenario file (.yaml or .json)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...LOG_FORMATS]).default('text'))
    .addOption(
      new Option(
        '-d, --detail <detail>',
        'beats: what a reader notices, in paragraphs; full: every event (JSON Lines always carries every event)',
      )
        .choices([...DETAILS])
        .default('beats'),
    )
    .option(
      '--only <types>',
      'only events of these types, comma-separated (e.g. identify,restrain)',
      listOption,
    )
    .option('--about <ids>', 'only events about these characters, comma-separated ids', listOption)
    .option(
      '--until <instant>',
      'run until this instant instead of the scenario’s end',
      instantOption('--until'),
    )
    .option('--seed <n>', 'replace the scenario’s seed', seedOption)
    .option(
      '--pov <id>',
      'tell it as this character lives it: only what they do, perceive or are told, in every format',
    )
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of the terminal')
    .action((file: string | undefined, opts: RunOptions) => {
      const def = load(file ?? DEFAULT_SCENARIO);
      const filter = filterOf(def, opts);
      const pov = opts.pov === undefined ? undefined : characterId(def, opts.pov, '--pov');
      const world = World.create(def, {
        ...(opts.seed !== undefined && { seed: opts.seed }),
        ...(opts.until !== undefined && { until: instantOf(opts.until, def, io, true) }),
      });
      const told = world.definition;
      const names = namesOf(told);
      // Text to the terminal streams as the world runs: a long run shows its first lines at once.
      const streaming = opts.format === 'text' && !opts.out;
      if (opts.format === 'jsonl' || opts.detail === 'full') {
        const view = pov === undefined ? undefined : new Perspective(told, pov);
        const log = view?.events ?? world.events;
        if (streaming) {
          io.stdout(`${told.title}\n`);
          let count = 0;
          world.subscribe((event) => {
            const e = view ? view.see(event) : event;
            if (!e || !keepsEvent(filter, e)) return;
            count++;
            io.stdout(`${textLine(e, told, names, log)}\n`);
          });
          world.run();
          io.stdout(`${counted(count, 'event')}\n`);
          return;
        }
        world.subscribe((e) => view?.see(e));
        world.run();
        // The expectations are the script's: a point of view does not know them.
        const results = view ? undefined : checkExpectations(told.expectations, world.events);
        emit(formatLog(log, told, opts.format, { filter, pov, ...(results && { results }) }), opts.out);
        return;
      }
      if (streaming) io.stdout(`${told.title}\n`);
      const story = tellRun(world, {
        filter,
        ...(pov !== undefined && { pov }),
        ...(streaming && { onParagraph: (p) => io.stdout(`${storyLine(p, told, names)}\n`) }),
      });
      if (streaming) {
        io.stdout(`${storyFooter(story)}\n`);
        return;
      }
      const results = pov === undefined ? checkExpectations(told.expectations, world.events) : undefined;
      emit(
        formatStory(story, told, opts.format as 'text' | 'md', { pov, ...(results && { results }) }),
        opts.out,
      );
    });

  program
    .command('play')
    .description(
      'play a scenario as one of its characters: the scene runs to the next thing that reaches them, then they choose',
    )
    .argument('<file>', 'scenario file')
    .requiredOption('--as <id>', 'the character to play')
    .option('--script <file>', 'read the choices from a file, one a line (for replays and tests)')
    .option('--seed <n>', 'replace the scenario’s seed', seedOption)
    .action(async (file: string, opts: { as: string; script?: string; seed?: number }) => {
      const definition = load(file);
      await playInTerminal(
        {
          definition,
          as: characterId(definition, opts.as, '--as'),
          ...(opts.seed !== undefined && { seed: opts.seed }),
          ...(opts.script !== undefined && {
            script: {
              file: displayPath(opts.script),
              lines: readText(opts.script)
                .replace(/\r?\n$/, '')
                .split(/\r?\n/),
            },
          }),
        },
        io,
      );
    });
}
