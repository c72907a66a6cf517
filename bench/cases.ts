/**
 * The benchmark cases: what each measures, how to prepare it (not timed) and what is timed. Each case
 * runs in a process of its own (`case.ts`), after the baseline in the same process, so that its
 * ratio to the baseline holds on a noisy machine and its peak memory is its own.
 */
import { getHeapStatistics } from 'node:v8';
import { checkRoster, forecastAll } from '../src/calendar/index.js';
import { airGraph } from '../src/engine/air/graph.js';
import { advancePlume } from '../src/engine/air/plume.js';
import { World } from '../src/engine/world.js';
import type { WorldDefinition } from '../src/model/definition.js';
import { loadScenario } from '../src/scenario/index.js';
import { SECONDS_PER_DAY } from '../src/units/time.js';
import { NOTE_COUNT } from '../src/vocabulary/notes.js';
import {
  bundled,
  crew,
  crewDefinition,
  crewJson,
  crewText,
  crowd,
  generatedCrew,
  messHall,
  sharedRoom,
} from './worlds.js';

export interface Measured {
  /** characters × simulated seconds, for a run of a world */
  characterTicks?: number;
  /** what else the case found (events, lines, sizes) */
  note?: string;
}

export interface Case {
  what: string;
  /** builds what the timed part needs (not timed); returns the timed part */
  prepare(): () => Measured;
  /** how many times the timed part runs (the median is kept) */
  repeats?: number;
}

/** A world built in preparation and run to its end in the timed part. */
function worldRun(build: () => ReturnType<typeof bundled>): () => () => Measured {
  return () => {
    const def = build();
    return () => {
      const world = World.create(def);
      world.run();
      return {
        characterTicks: def.characters.length * def.until,
        note: `${world.events.length} events`,
      };
    };
  };
}

/** `text` loaded as the scenario `file` in the timed part. */
function timedLoad(text: string, file: string): () => Measured {
  return () => {
    const result = loadScenario(text, file);
    if (!result.ok) throw new Error(result.errors[0]!.message);
    return { note: `${(text.length / 1e6).toFixed(1)} MB` };
  };
}

/** A crew's forecasts and roster checked once a month for a year. */
function calendarYear(def: WorldDefinition): () => Measured {
  return () => {
    for (let month = 0; month < 12; month++) {
      const now = month * 30 * SECONDS_PER_DAY;
      checkRoster({ definition: def, forecasts: forecastAll(def, now), partners: [], now });
    }
    return { note: '12 monthly checks' };
  };
}

export const BASELINE = 'medbay';

/**
 * The ship's day stops here: the whole day is far out of reach (see docs/performance.md). The heap
 * is read with its garbage, which a faster run leaves more of between collections: the stop is set
 * short of V8's own limit (where the process would die), not at a figure garbage reaches first.
 */
const SHIP_BUDGET_SECONDS = 120;
const SHIP_HEAP_LIMIT = 0.8 * getHeapStatistics().heap_size_limit;

export const CASES: Record<string, Case> = {
  medbay: {
    what: 'the bundled medbay scene (4 characters, 25 simulated minutes): the baseline',
    prepare: worldRun(() => bundled('medbay.yaml')),
    repeats: 7,
  },
  quarters: {
    what: 'the bundled quarters scene (4 characters, 5.5 simulated hours)',
    prepare: worldRun(() => bundled('quarters.yaml')),
    repeats: 5,
  },
  'crowd-40': {
    what: '40 characters, four to a room off a hall, 20 simulated minutes: in their rooms, then half gather in the hall',
    prepare: worldRun(() => crowd(40, 10, 20)),
    repeats: 3,
  },
  'crowd-400': {
    what: '400 characters in 101 places, 20 simulated minutes, as crowd-40',
    prepare: worldRun(() => crowd(400, 100, 20)),
  },
  'crowd-4000': {
    what: '4,000 characters in 1,001 places, 20 simulated minutes, as crowd-40',
    prepare: worldRun(() => crowd(4000, 1000, 20)),
  },
  // The rows of issue 12's table, as it measured them: one simulated hour, a quarter as many rooms
  // off a hall as people.
  ...Object.fromEntries(
    [40, 100, 400, 1000].map((people) => [
      `hour-${people}`,
      {
        what: `${people} characters in ${people / 4 + 1} places for one simulated hour, as crowd-40 (half walk into the hall from ten minutes in)`,
        prepare: worldRun(() => crowd(people, people / 4, 60)),
      },
    ]),
  ),
  'ship-day-1000': {
    what: 'a generated 1,000-person crew (`generate crew`) for one simulated day at a 10 s tick, as far as 120 s of CPU allows (or the heap, short of V8’s limit)',
    prepare: () => {
      const def = generatedCrew(1000, { 'air.tick': 10 });
      return () => {
        const start = process.cpuUsage();
        const world = World.create(def);
        let reached = 0;
        let stop = 'the day’s end';
        // A tick at a time: at breakfast one minute of the mess's N² pairs can take gigabytes.
        for (let t = 10; t <= def.until; t += 10) {
          world.runUntil(t);
          reached = t;
          const used = process.cpuUsage(start);
          if ((used.user + used.system) / 1e6 > SHIP_BUDGET_SECONDS) {
            stop = 'the CPU budget';
            break;
          }
          if (process.memoryUsage().heapUsed > SHIP_HEAP_LIMIT) {
            stop = 'the heap limit';
            break;
          }
        }
        const share = `${((reached / def.until) * 100).toFixed(1)}% of the day`;
        return {
          characterTicks: def.characters.length * reached,
          note: `${world.events.length} events, ${(reached / 3600).toFixed(2)} h simulated (${share}), stopped by ${stop}`,
        };
      };
    },
  },
  'mess-hall-200': {
    what: 'a writer’s scene: 200 people in one mess hall for 10 simulated minutes',
    prepare: worldRun(() => messHall(200)),
  },
  'shared-room-40d': {
    what: 'a rota: two people sharing an ops room for 40 simulated days',
    prepare: worldRun(() => sharedRoom(40, true)),
    repeats: 3,
  },
  'separate-rooms-40d': {
    what: 'the same rota with one room each: what the shared room should cost',
    prepare: worldRun(() => sharedRoom(40, false)),
    repeats: 3,
  },
  'calendar-year-10k': {
    what: 'a 10,000-person crew with a 40,000-event roster: forecasts and the roster checked once a month for a year',
    prepare: () => calendarYear(crew(10_000, 40_000, '365d')),
  },
  'calendar-year-100k': {
    what: 'a 100,000-person crew with a 400,000-event roster, as calendar-year-10k (the crew built, not loaded)',
    prepare: () => calendarYear(crewDefinition(100_000, 400_000, '365d')),
  },
  'load-10k': {
    what: 'loading a 10,000-character scenario (YAML: parse, validate, compile)',
    prepare: () => timedLoad(crewText(10_000, 1000, '1d'), 'crew.yaml'),
  },
  'load-10k-json': {
    what: 'loading the same 10,000-character scenario written as JSON',
    prepare: () => timedLoad(crewJson(10_000, 1000, '1d'), 'crew.json'),
  },
  'load-100k': {
    what: 'loading a 100,000-character scenario (YAML)',
    prepare: () => timedLoad(crewText(100_000, 1000, '1d'), 'crew.yaml'),
  },
  'load-100k-json': {
    what: 'loading the same 100,000-character scenario written as JSON',
    prepare: () => timedLoad(crewJson(100_000, 1000, '1d'), 'crew.json'),
  },
  'crew-30-world-year': {
    what: 'a generated 30-person crew in cabins, a simulated year of the world (cycles, reminders, quiet stretches)',
    prepare: worldRun(() => crew(30, 120, '365d')),
  },
  'plume-500': {
    what: 'one scent plume advanced a day across a 500-cabin deck with every door open (the widest region)',
    prepare: () => {
      const n = 501;
      const flows = Array.from({ length: n - 1 }, (_, i) => ({ a: 0, b: i + 1, flow: 600 }));
      const graph = airGraph(new Float64Array(n).fill(100), new Float64Array(n).fill(2), flows);
      const rate = new Float64Array(NOTE_COUNT).fill(60);
      const zero = new Float64Array(NOTE_COUNT);
      const source = { place: 0, rate, slope: zero, curve: zero, fading: zero, fadeRate: 0 };
      return () => {
        advancePlume(graph, { places: [], conc: [] }, source, 24, 0.005, null);
        return {};
      };
    },
    repeats: 3,
  },
  'snapshot-restore': {
    what: 'snapshot → JSON → restore of the medbay scene mid-run',
    prepare: () => {
      const def = bundled('medbay.yaml');
      return () => {
        const w = World.create(def);
        w.runUntil(300);
        World.restore(JSON.parse(JSON.stringify(w.snapshot())));
        return {};
      };
    },
    repeats: 7,
  },
};
