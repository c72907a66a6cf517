/**
 * A scene's charts, for the HTML report and the sandbox alike: the world read at sample instants (the
 * scent in each place, each character's strongest drive toward anyone, their self-control threshold),
 * and the line charts drawn from those readings, one style for each drive everywhere, each drive
 * against the line it acts at.
 */
import type { World } from '../engine/world.js';
import type { CharacterDef, WorldDefinition } from '../model/definition.js';
import { namesOf } from '../narrate/language/names.js';
import { formatClock } from '../units/time.js';
import { DRIVES, type DriveName } from '../vocabulary/drives.js';
import {
  type Axis,
  lineChart,
  OKABE_ITO,
  type Series,
  type SeriesStyle,
  seriesStyle,
  timeTicks,
} from './chart.js';
import type { Html } from './html.js';

/** The world's readings at one instant. */
export interface Reading {
  /** the instant read */
  t: number;
  /** total scent per place, u/m³, in definition order */
  concentration: number[];
  /** per character (definition order), per drive (`DRIVES` order): the strongest level toward anyone */
  drives: number[][];
  /** per character: the self-control threshold */
  threshold: number[];
}

/** How many samples the charts aim for over the whole run. */
const SAMPLES = 400;

/** The seconds between two chart samples for a run of `until` seconds. */
export const sampleStep = (until: number) => Math.max(1, Math.round(until / SAMPLES));

/** What the charts show of the world now. */
export function readWorld(world: World): Reading {
  const def = world.definition;
  return {
    t: world.time,
    concentration: def.places.map((p) => world.concentration(p.id).total),
    drives: def.characters.map((c) => {
      const toward = Object.values(world.drives(c.id));
      return DRIVES.map((d) => Math.max(0, ...toward.map((levels) => levels[d] ?? 0)));
    }),
    threshold: def.characters.map((c) => world.selfControlThreshold(c.id)),
  };
}

/**
 * Runs the world to its end, reading it every `step` seconds on the way. A world lives only at its own
 * instants, so a sample is taken at the last instant at or before its time (and one that falls on the
 * same instant as the previous sample is skipped).
 */
export function sampleRun(world: World, step: number): Reading[] {
  const until = world.definition.until;
  const out: Reading[] = [];
  for (let t = 0; ; t += step) {
    world.runUntil(Math.min(t, until));
    if (out[out.length - 1]?.t !== world.time) out.push(readWorld(world));
    if (t >= until) break;
  }
  world.run();
  return out;
}

/** Each drive keeps its own colour, dash and marker in every chart. */
const DRIVE_STYLE: Record<DriveName, SeriesStyle> = {
  protect: { color: OKABE_ITO.blue, dash: '', marker: 'circle' },
  aggression: { color: OKABE_ITO.vermillion, dash: '7 4', marker: 'square' },
  discomfort: { color: OKABE_ITO.bluishGreen, dash: '2 3', marker: 'triangle' },
  longing: { color: OKABE_ITO.reddishPurple, dash: '9 3 2 3', marker: 'diamond' },
};
const THRESHOLD_STYLE: SeriesStyle = { color: OKABE_ITO.black, dash: '4 4', marker: 'none', width: 1.25 };

/**
 * The canon's own lines a drive acts at, whatever self-control says: a snarl, a shiver, a whine. (The
 * self-control line is where aggression restrains and longing reaches out; protect does nothing alone.)
 */
const ACTION_LINES: Partial<
  Record<DriveName, { act: string; at: (canon: WorldDefinition['canon']) => number }>
> = {
  aggression: { act: 'snarl', at: (canon) => canon.instinct.thresholds.snarl },
  discomfort: { act: 'shiver', at: (canon) => canon.instinct.thresholds.shiver },
  longing: { act: 'whine', at: (canon) => canon.instinct.thresholds.whine },
};
/** Drives whose action waits on self-control. */
const HELD_BY_SELF_CONTROL: readonly DriveName[] = ['aggression', 'longing'];

/** A number as a chart label: at most three decimals, no trailing zeros. */
const label = (v: number) => String(Number(v.toFixed(3)));

export interface SceneCharts {
  /** scent per place over time */
  air: Html;
  /** one chart per character who felt any drive, with its caption */
  drives: { character: CharacterDef; caption: string; chart: Html }[];
}

/** The charts of `readings` (in time order); `width` and the plot heights as the page lays them out. */
export function sceneCharts(
  def: WorldDefinition,
  readings: readonly Reading[],
  layout: { width?: number; airHeight?: number; driveHeight?: number } = {},
): SceneCharts {
  const narrow = (layout.width ?? 760) < 500;
  const x: Axis = {
    min: 0,
    max: Math.max(1, def.until),
    ticks: timeTicks(0, def.until, def.clock, narrow ? 2 : 6),
    format: (t) => formatClock(def.clock, t),
  };
  const line = (pick: (r: Reading) => number) => readings.map((r) => [r.t, pick(r)] as const);
  const names = namesOf(def);
  const size = (height: number | undefined) => ({
    ...(layout.width !== undefined && { width: layout.width }),
    ...(height !== undefined && { plotHeight: height }),
  });

  const air = lineChart({
    title: `${def.title}: scent concentration per place over time, u/m³`,
    yLabel: 'scent, u/m³',
    x,
    ...size(layout.airHeight),
    // Each place as the narration names it (`the station kitchen`, `the corridor`), named or not.
    series: def.places.map((p, i) => ({
      label: names.place(p.id),
      points: line((r) => r.concentration[i]!),
      style: seriesStyle(i),
    })),
  });

  const drives: SceneCharts['drives'] = [];
  def.characters.forEach((c, ci) => {
    const felt = DRIVES.filter((_, d) => readings.some((r) => r.drives[ci]![d]! > 0));
    if (!felt.length) return;
    const series: Series[] = felt.map((drive) => {
      const d = DRIVES.indexOf(drive);
      return { label: drive, points: line((r) => r.drives[ci]![d]!), style: DRIVE_STYLE[drive] };
    });
    if (felt.some((drive) => HELD_BY_SELF_CONTROL.includes(drive))) {
      const last = readings[readings.length - 1]?.threshold[ci] ?? 0;
      const constant = readings.every((r) => r.threshold[ci] === last);
      series.push({
        label: `self-control threshold${constant ? ` ${label(last)}` : ''}`,
        points: line((r) => r.threshold[ci]!),
        style: THRESHOLD_STYLE,
        markers: false,
        endLabel: `self-control ${label(last)}`,
      });
    }
    for (const drive of felt) {
      const action = ACTION_LINES[drive];
      if (!action) continue;
      const at = action.at(def.canon);
      series.push({
        label: `${action.act} at ${label(at)}`,
        points: line(() => at),
        style: { color: DRIVE_STYLE[drive].color, dash: '2 4', marker: 'none', width: 1.25 },
        markers: false,
        endLabel: `${action.act} ${label(at)}`,
      });
    }
    drives.push({
      character: c,
      caption: `${c.name} (${c.representation}): drives, the strongest toward anyone at each sample, against the lines they act at: self-control for a restraint or a reach, the canon's own lines for a snarl, a shiver or a whine.`,
      chart: lineChart({
        title: `${c.name}: drives over time against the lines they act at`,
        yLabel: 'drive level',
        x,
        ...size(layout.driveHeight),
        series,
      }),
    });
  });
  return { air, drives };
}
