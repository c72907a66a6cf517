/**
 * Why and who knows: `omegaverse explain` (an event's causal chain), `omegaverse who-knows` (who knows
 * a character's true representation), and `omegaverse report` (one run as a page to share).
 */
import { type Command, Option } from 'commander';
import { World } from '../engine/world.js';
import { explain, findEvent } from '../model/explain.js';
import { formatWhoKnows } from '../narrate/format.js';
import { formatTree } from '../narrate/tree.js';
import { createReport, renderReportMarkdown } from '../report/index.js';
import { counted } from '../units/number-words.js';
import { type CommandContext, characterId, EXIT_FAILED, instantOf } from './context.js';
import { UserError, writeAtomic } from './io.js';
import { type InstantOption, instantOption, seedOption } from './options.js';

export function addExplainCommands(program: Command, { io, emit, load, displayPath }: CommandContext): void {
  program
    .command('explain')
    .description('the causal chain behind an event, as an indented tree')
    .argument('<file>', 'scenario file')
    .argument('<event>', 'an event id (12 or #12) or type[:actor[:target[:value]]], e.g. identify:rey:phasma')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--seed <n>', 'replace the scenario’s seed', seedOption)
    .action((file: string, selector: string, opts: { format: 'text' | 'json'; seed?: number }) => {
      const world = World.create(load(file), opts.seed !== undefined ? { seed: opts.seed } : {});
      world.run();
      const event = findEvent(world.events, selector);
      if (!event) {
        throw new UserError(
          `no event matches '${selector}' in ${displayPath(file)} (${counted(world.events.length, 'event')}; run it to see their ids)`,
          EXIT_FAILED,
        );
      }
      const tree = explain(world.events, event.id)!;
      emit(
        opts.format === 'json'
          ? `${JSON.stringify(tree, null, 2)}\n`
          : formatTree(tree, world.definition, world.events),
      );
    });

  program
    .command('who-knows')
    .description("who knows a character's true representation, since when, and how")
    .argument('<file>', 'scenario file')
    .argument('<character>', 'character id')
    .option('--at <instant>', 'the instant to ask about (default: the end of the run)', instantOption('--at'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, character: string, opts: { at?: InstantOption; format: 'text' | 'json' }) => {
      const def = load(file);
      const id = characterId(def, character);
      const world = World.create(def);
      const at = opts.at ? instantOf(opts.at, def, io) : def.until;
      world.runUntil(Math.min(at, def.until));
      emit(formatWhoKnows(world.whoKnows(id, at), id, at, def, opts.format));
    });

  program
    .command('report')
    .description(
      'one run to share: a self-contained HTML page (charts, beats, the log, explanations, beliefs), or Markdown',
    )
    .argument('<file>', 'scenario file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'md']).default('html'))
    .option(
      '-o, --out <file>',
      'the file to write (atomically); required for HTML, Markdown goes to the terminal without it',
    )
    .option('--seed <n>', 'replace the scenario’s seed', seedOption)
    .action((file: string, opts: { format: 'html' | 'md'; out?: string; seed?: number }) => {
      const def = load(file);
      const options = opts.seed !== undefined ? { seed: opts.seed } : {};
      if (opts.format === 'md') {
        emit(renderReportMarkdown(def, options), opts.out);
        return;
      }
      if (!opts.out) throw new UserError('report: an HTML report needs --out FILE (or use --format md)');
      const { html, events } = createReport(def, options);
      writeAtomic(opts.out, html);
      const count = events.length;
      io.stdout(`wrote ${displayPath(opts.out)} (${count} event${count === 1 ? '' : 's'})\n`);
    });
}
