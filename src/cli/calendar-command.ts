/** The calendar views: `omegaverse forecast` (the next heats) and `omegaverse roster` (its conflicts). */
import { type Command, Option } from 'commander';
import { knowsFrom, viewForecasts, viewRoster } from '../calendar/index.js';
import { World } from '../engine/world.js';
import type { WorldDefinition } from '../model/definition.js';
import { type CalendarFormat, formatForecasts, formatRoster } from '../narrate/calendar.js';
import { SECONDS_PER_DAY } from '../units/time.js';
import { type CommandContext, characterId, instantOf } from './context.js';
import { type InstantOption, instantOption, wholeNumber } from './options.js';

/** `forecast --days`: a century is far enough ahead. */
const MAX_DAYS_AHEAD = 36_500;

export function addCalendarCommands(program: Command, { io, emit, load }: CommandContext): void {
  const calendarFormat = () =>
    new Option('-f, --format <format>', 'output format')
      .choices(['text', 'json', 'jsonl', 'md'])
      .default('text');

  program
    .command('forecast')
    .description("each omega's next heats with windows, as a viewer may see them")
    .argument('<file>', 'scenario file')
    .option(
      '--days <n>',
      `only windows opening within this many days (0 to ${MAX_DAYS_AHEAD})`,
      wholeNumber(0, MAX_DAYS_AHEAD, ' of days'),
    )
    .option('--at <instant>', 'the instant to forecast from (default: the start)', instantOption('--at'))
    .option('--viewer <id>', 'show only what this character may see (default: each omega sees their own)')
    .addOption(calendarFormat())
    .action(
      (
        file: string,
        opts: { days?: number; at?: InstantOption; viewer?: string; format: CalendarFormat },
      ) => {
        const def = load(file);
        const { world, at, knows } = calendarWorld(def, opts.at && instantOf(opts.at, def, io), opts.viewer);
        const all = [...world.forecasts().values()];
        const seen = opts.viewer ? viewForecasts(all, opts.viewer, knows) : all;
        const horizon = opts.days === undefined ? Number.POSITIVE_INFINITY : at + opts.days * SECONDS_PER_DAY;
        const shown = seen.map((f) => ({ ...f, windows: f.windows.filter((w) => w.from <= horizon) }));
        emit(formatForecasts(shown, world.definition, opts.format, opts.viewer));
      },
    );

  program
    .command('roster')
    .description('roster conflicts with forecasts, and reschedule proposals, redacted for the viewer')
    .argument('<file>', 'scenario file')
    .option('--viewer <id>', 'see it as this character (default: each conflict as its own character sees it)')
    .option('--at <instant>', 'the instant to check from (default: the start)', instantOption('--at'))
    .addOption(calendarFormat())
    .action((file: string, opts: { viewer?: string; at?: InstantOption; format: CalendarFormat }) => {
      const def = load(file);
      const { world, knows } = calendarWorld(def, opts.at && instantOf(opts.at, def, io), opts.viewer);
      const report = world.rosterReport();
      const view = opts.viewer ? viewRoster(report, opts.viewer, knows) : viewRoster(report, '', () => true);
      emit(formatRoster(view, world.rosterDefinition(), opts.format, opts.viewer));
    });
}

/** A world run to `at`, and who knows whom by then, for a calendar view. */
function calendarWorld(def: WorldDefinition, at: number | undefined, viewer: string | undefined) {
  if (viewer !== undefined) characterId(def, viewer);
  const world = World.create(def);
  const when = at ?? 0;
  world.runUntil(when);
  return { world, at: when, knows: knowsFrom(def, world.events, when) };
}
