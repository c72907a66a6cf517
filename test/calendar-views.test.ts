/**
 * The datapad scene through every calendar output path: the lieutenant, who does not know what the
 * commander is, sees "medical leave" and never heat, cycle or medication, in text, JSON, JSON Lines,
 * Markdown and the library API; someone who knows sees the heat.
 */
import { describe, expect, it } from 'vitest';
import { knowsFrom, LEAK_WORDS, leaks, viewForecasts, viewRoster } from '../src/calendar/index.js';
import { World } from '../src/engine/world.js';
import { formatForecasts, formatRoster } from '../src/narrate/calendar.js';
import { cli } from './cli-harness.js';
import { bundled } from './helpers.js';

const FORMATS = ['text', 'json', 'jsonl', 'md'] as const;

describe('datapad: redaction on every output path', () => {
  const def = bundled('datapad.yaml');
  const world = World.create(def);
  world.runUntil(0);
  const knows = knowsFrom(def, world.events, 0);

  it('the library API: the lieutenant sees medical leave only, and no forecast', () => {
    const view = viewRoster(world.rosterReport(), 'mitaka', knows);
    expect(view.conflicts.length).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(view.conflicts))).toEqual([]);
    expect(viewForecasts(world.forecasts(), 'mitaka', knows)).toEqual([]);
  });

  it.each(FORMATS)('the formatters (%s): nothing leaks to the lieutenant', (format) => {
    const roster = formatRoster(viewRoster(world.rosterReport(), 'mitaka', knows), def, format, 'mitaka');
    const forecast = formatForecasts(
      viewForecasts(world.forecasts(), 'mitaka', knows),
      def,
      format,
      'mitaka',
    );
    for (const text of [roster, forecast]) expect(leaks(text), text).toEqual([]);
    if (format === 'text') expect(roster).toContain('Kylo Ren: medical leave during Mission to Crait');
  });

  it.each(FORMATS)('the command line (%s): nothing leaks to the lieutenant', async (format) => {
    const roster = await cli('roster', 'scenarios/datapad.yaml', '--viewer', 'mitaka', '--format', format);
    const forecast = await cli(
      'forecast',
      'scenarios/datapad.yaml',
      '--viewer',
      'mitaka',
      '--format',
      format,
    );
    expect(roster.code).toBe(0);
    expect(forecast.code).toBe(0);
    for (const out of [roster.out, forecast.out]) {
      for (const word of LEAK_WORDS) expect(out.toLowerCase()).not.toContain(word);
    }
    expect(roster.out.toLowerCase()).toContain('medical leave');
  });

  it('the record holder, and the general once he has smelled it, see the heat', async () => {
    const medic = await cli('roster', 'scenarios/datapad.yaml', '--viewer', 'medic');
    expect(medic.out).toContain("Kylo Ren's heat is likely during Mission to Crait");
    const before = await cli('roster', 'scenarios/datapad.yaml', '--viewer', 'hux', '--at', '1:11:00');
    expect(before.out).not.toContain('heat');
    const after = await cli('roster', 'scenarios/datapad.yaml', '--viewer', 'hux', '--at', '1:14:00');
    expect(after.out).toContain("Kylo Ren's heat is likely");
  });

  it('forecast --format json has the documented shape, nearest window first', async () => {
    const { out } = await cli('forecast', 'scenarios/datapad.yaml', '--format', 'json');
    const forecasts = JSON.parse(out);
    expect(forecasts).toHaveLength(1);
    expect(forecasts[0]).toMatchObject({ character: 'ren', basis: 'regimen' });
    const centers = forecasts[0].windows.map((w: { center: number }) => w.center);
    expect(centers).toEqual([...centers].sort((a: number, b: number) => a - b));
    expect(Object.keys(forecasts[0].windows[0]).sort()).toEqual(['center', 'from', 'to']);
  });

  it('--days keeps only the windows that open within that many days', async () => {
    const { out } = await cli('forecast', 'scenarios/datapad.yaml', '--days', '30', '--format', 'json');
    expect(JSON.parse(out)[0].windows).toHaveLength(1);
  });

  it('an unknown viewer is an error that names the characters', async () => {
    const { code, err } = await cli('roster', 'scenarios/datapad.yaml', '--viewer', 'snoke');
    expect(code).toBe(2);
    expect(err).toContain("unknown character 'snoke'");
  });
});
