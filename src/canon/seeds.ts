/**
 * The `seeds` canon: the two source stories' world rules (the captured captain in the medbay, the
 * masked commander in the general's quarters). Every number is a default a scenario can override
 * with `canon_overrides`, by the dotted path shown in its comment's heading.
 */
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE } from '../units/time.js';
import { seedsRules } from './rules/index.js';
import type { Canon } from './types.js';

export const seeds: Canon = {
  representations: {
    // Alphas emit strongly and smell keenest: an alpha at arm's reach identifies a masked omega.
    alpha: { emission: 360, sensitivity: 1.0 },
    // Betas emit weakly and smell weakly (~0.3 of an alpha): they miss faint signals, catch strong ones.
    beta: { emission: 120, sensitivity: 0.3 },
    // Omegas emit as strongly as alphas and smell nearly as keenly.
    omega: { emission: 360, sensitivity: 0.85 },
    // The young, before presentation: a faint scent, a beta-like nose.
    unpresented: { emission: 60, sensitivity: 0.3 },
  },
  signature: {
    // Personal notes ("sand", "ozone") carry 30% of a signature; the representation note the rest.
    personalShare: 0.3,
  },
  air: {
    // An open doorway mixes two rooms within minutes.
    openDoorFlow: 600,
    // A closed door leaks a little: "closing the door on two people makes their scents thicken".
    closedDoorFlow: 6,
    // A sealed (airtight) door leaks nothing.
    sealedDoorFlow: 0,
    // Arm's reach: a close emitter's dose is emission / 20 m³/h above the room's level, many times it.
    nearFieldFlow: 20,
    // Perception is checked at least once a simulated second.
    tick: 1,
    // ...and once every ten minutes while people are apart but someone's scent reaches someone: when
    // nobody can smell anybody the world jumps to its next instant, the air integrated exactly.
    quietTick: 10 * SECONDS_PER_MINUTE,
    // The start is a settled scene: everyone has been where they are long enough that the air no
    // longer changes (each scent at its steady state, solved directly rather than run for a day).
    settle: 'steady',
  },
  perception: {
    // Presence of someone's scent is noticed from this dose.
    detect: 0.1,
    // A representation note is identified from this dose: a beta across a small room does not reach it
    // from a freshly unmasked omega, an alpha does.
    identify: 0.6,
    // The heat note is recognised from this dose: strong enough in full heat for betas.
    recogniseHeat: 0.6,
    // Noses differ: each observer's thresholds for each subject vary by ~10% (log-normal).
    thresholdNoise: 0.1,
    // A scent must fade below a quarter of the detection threshold before it is "caught" anew.
    rearm: 0.25,
    // Scent thinner than a tenth of what the keenest nose detects counts as gone from the air: under
    // even the rearm level, so no percept changes, while a crew's air stays sparse.
    trace: 0.1,
  },
  residue: {
    // One contact leaves a tenth of the other's hourly emission on skin and clothes.
    transfer: 0.1,
    // Residue fades over hours.
    halfLife: 8 * SECONDS_PER_HOUR,
    // A shower removes only half: "scent still on the skin after washing twice".
    showerRemoval: 0.5,
  },
  heat: {
    // Scent strengthens for twelve hours before onset.
    preHeatWindow: 12 * SECONDS_PER_HOUR,
    // ...up to 1.5× the base emission at onset,
    preHeatEmission: 1.5,
    // ...with a heat note rising to 30% of emission.
    preHeatNote: 0.3,
    // During heat the emission triples,
    heatEmission: 3,
    // ...and the heat note equals the base emission: betas recognise it.
    heatNote: 1,
    // In pre-heat, an unbonded alpha's scent brings the onset forward: an hour at dose 1 by 48 minutes,
    advanceRate: 0.8,
    // ...by five hours at most (the source: "about five hours early").
    advanceCap: 5 * SECONDS_PER_HOUR,
  },
  // The source canon has no rut: a `rut:` needs `rut.enabled: true` (as in `classic`). These numbers
  // are what it would be, were it switched on.
  rut: {
    enabled: false,
    // A rut builds over twelve hours,
    preRutWindow: 12 * SECONDS_PER_HOUR,
    // ...up to 1.3× the base emission, with a rut note rising to 30% of it,
    preRutEmission: 1.3,
    preRutNote: 0.3,
    // ...and in rut the emission doubles, the rut note as strong as the base emission.
    rutEmission: 2,
    rutNote: 1,
    // An alpha in rut guards half as hard again, and holds back less: his line is 0.2 lower.
    aggression: 1.5,
    selfControlDrop: 0.2,
    // An omega's heat nearby brings a building rut on early: an hour at heat-note dose 1 by 48
    // minutes, by twelve hours at most.
    advanceRate: 0.8,
    advanceCap: 12 * SECONDS_PER_HOUR,
  },
  suppressant: {
    // The masker cuts the omega note to a trace: "no mistaking your scent" for a keen, close alpha.
    omegaNoteTrace: 0.08,
    // ...and the heat note likewise.
    heatNoteTrace: 0.05,
    // ...and adds a beta-like note as strong as a beta's own.
    betaNote: 1,
    // Suppressed heats come once or twice a year,
    period: 182 * SECONDS_PER_DAY,
    // ...and last about two days.
    duration: 2 * SECONDS_PER_DAY,
  },
  agitation: {
    // A lie agitates the liar,
    lie: 0.6,
    // ...for a short while: half of it is gone in thirty seconds,
    halfLife: 30,
    // ...adding a sour note: half the base emission per unit of agitation.
    sourShare: 0.5,
  },
  lies: {
    // A listener's nose judges a statement three seconds after it is spoken,
    sniffDelay: 3,
    // ...detecting a lie from this sour-note dose (close range for anyone but an alpha).
    sourThreshold: 0.5,
  },
  beliefs: {
    // How sure a belief is, by what it rests on: an assumption (no scent, no record) is a guess,
    assumed: 0.3,
    // ...being told is better,
    told: 0.6,
    // ...and a record better still.
    record: 0.9,
    // An identification by scent is half sure at the identifying dose, a quarter surer per doubling
    // of the dose above it (up to certain).
    scentAtThreshold: 0.5,
    scentPerDoubling: 0.25,
    // Only an omega is in heat: recognising one is surer than being told, by this much.
    heatOverTold: 0.3,
  },
  rutDefaults: {
    period: 91 * SECONDS_PER_DAY,
    duration: 3 * SECONDS_PER_DAY,
    variability: 7 * SECONDS_PER_DAY,
  },
  cycleDefaults: {
    period: 28 * SECONDS_PER_DAY,
    duration: 3 * SECONDS_PER_DAY,
    variability: 2 * SECONDS_PER_DAY,
  },
  forecast: {
    // A forecast from history needs three recorded cycles (as drip asks for),
    minCycles: 3,
    // ...leaves out any cycle longer than sixty days (a heat the record missed),
    longestCycle: 60 * SECONDS_PER_DAY,
    // ...or longer than one and a half of the character's own declared periods, if that is longer
    // (a declared 92-day cycle is not a missed record of a 28-day one),
    missedRecordPeriods: 1.5,
    // ...and looks three heats ahead.
    windowsAhead: 3,
    // A window reaches 1.5 standard deviations of the past cycle lengths either side of its center,
    spreadToWidth: 1.5,
    // ...and at least a day either side, even for a clockwork cycle.
    minHalfWidth: SECONDS_PER_DAY,
    // On the suppressant the next heat is known only to within a week either side.
    regimenHalfWidth: 7 * SECONDS_PER_DAY,
    // The middle half of a window (center ± half the half-width) is where a heat is likely.
    coreShare: 0.5,
    // A self-placed reminder fires twelve hours before each predicted onset.
    reminderLead: 12 * SECONDS_PER_HOUR,
    // The first natural cycle after stopping the suppressant is irregular: its window is twice as wide.
    stopIrregularity: 2,
    // A conflicted roster event gets three reschedule proposals,
    proposals: 3,
    // ...tried a day apart.
    proposalStep: SECONDS_PER_DAY,
  },
  instinct: {
    halfLife: {
      // Protectiveness lingers for minutes after the omega is out of reach,
      protect: 10 * SECONDS_PER_MINUTE,
      // ...aggression flares and fades within a minute and a half,
      aggression: 90,
      // ...unease within a few minutes,
      discomfort: 3 * SECONDS_PER_MINUTE,
      // ...and longing within two.
      longing: 2 * SECONDS_PER_MINUTE,
    },
    // How fast a sustained drive approaches its level: protectiveness at once, a pull within half a
    // minute, unease over a couple of minutes.
    riseTime: { protect: 15, aggression: 15, discomfort: 2 * SECONDS_PER_MINUTE, longing: 30 },
    // Self-control threshold = 0.3 + 0.7 × self_control: a composed 0.9 holds what a rash 0.3 cannot.
    selfControl: { base: 0.3, scale: 0.7, noise: 0.05 },
    // The young react harder: ×1.43 at 19, up to ×1.6.
    youth: { age: 25, span: 7, gain: 0.5, max: 1.6 },
    // Habituation grows by a thirtieth a year from 16 (0.1 at 19, 0.67 at 36, at most 0.9), and with
    // exposure: ten hours at dose 1 make up most of what is left.
    habituation: { startAge: 16, perYear: 1 / 30, max: 0.9, exposure: 10 * SECONDS_PER_HOUR },
    // An unhabituated nose reacts up to twice as hard.
    unhabituatedGain: 1,
    // A habituated alpha feels half as protective at most.
    habituationReducesProtect: 0.5,
    // Chemistry between two signatures, when not given, is fixed by them within 0.3–0.7.
    derivedAffinity: { min: 0.3, max: 0.7 },
    defaultTrust: 0.5,
    thresholds: {
      snarl: 0.5,
      // An impulse at a quarter of self-control's threshold already shows as held back.
      resist: 0.25,
      // A restraint ends once aggression falls under 80% of the threshold.
      release: 0.8,
      shiver: 0.5,
      whine: 0.3,
      notice: 0.2,
      // A reaction shown once (a snarl, a held impulse, a logged rise) can show again only after its
      // drive has fallen under this share of the line that brought it out.
      reset: 0.5,
    },
    // A rule's dose factors count a dose at most five times its threshold: a drowning dose does not
    // make a drive unbounded.
    doseFactorCap: 5,
    // A body shivers again only after ten minutes.
    shiverCooldown: 10 * SECONDS_PER_MINUTE,
    shiverAgitation: 0.3,
  },
  rules: seedsRules,
  orders: {
    base: 0,
    // Each rank the giver stands above the receiver adds 0.15 (below: takes it away).
    rank: 0.15,
    // A weapon aimed at the receiver outweighs five ranks.
    coercion: 0.8,
    // Trust above the default helps, below it hinders.
    trust: 0.3,
    noise: 0.1,
    // An alpha is reluctant to obey someone believed to be a beta (or an omega); an omega leans
    // slightly toward an alpha and away from a beta.
    believed: {
      alpha: { alpha: 0.2, beta: -0.4, omega: -0.3, unpresented: -0.5 },
      beta: { alpha: 0.1, beta: 0, omega: 0, unpresented: -0.2 },
      omega: { alpha: 0.1, beta: -0.1, omega: 0, unpresented: -0.2 },
      unpresented: { alpha: 0.2, beta: 0.1, omega: 0.1, unpresented: 0 },
    },
    // A defied order stands for five minutes: coercion within that time is obeyed.
    patience: 5 * SECONDS_PER_MINUTE,
    // Self-control pushes back against the instinctive pull of an order, and a composed character
    // (self_control 0.9) more than cancels it: 1.2 × 0.9 = 1.08 of the pull.
    selfControl: 1.2,
    // The command voice pulls hardest on an omega, less on a beta or the unpresented, least on another
    // alpha;
    voice: { alpha: 0.3, beta: 0.6, omega: 0.9, unpresented: 0.6 },
    // ...a mate's voice pulls harder, and a bond to another shields.
    voiceMate: 1.5,
    voiceBonded: 0.5,
  },
  bonds: {
    // A bonded alpha or omega reacts at a fifth of the strength to anyone but their partner,
    damping: 0.2,
    // ...and an omega is barely uneasy at her own mate's scent.
    mateUnease: 0.1,
    // An alpha who smells that an omega is bonded to another holds back: a third of the
    // protectiveness, and no pull toward her.
    claimedElsewhere: 0.3,
    // Mates apart grow restless after half a day, ache after two, feel unwell after four.
    separation: { restless: 12 * SECONDS_PER_HOUR, aching: 2 * SECONDS_PER_DAY, unwell: 4 * SECONDS_PER_DAY },
    // A bond does not fade.
    fadeAfter: 0,
  },
  scentNotes: {
    // As a narrator names them: "Rey caught a scent of sand and ozone".
    sand: 'sand',
    ozone: 'ozone',
    pine: 'pine',
    cedar: 'cedar',
    jasmine: 'jasmine',
    rain: 'rain',
    smoke: 'woodsmoke',
    leather: 'leather',
    citrus: 'citrus',
    honey: 'honey',
    musk: 'musk',
    sweet: 'something sweet',
    vanilla: 'vanilla',
    salt: 'sea salt',
    iron: 'cold iron',
    tea: 'black tea',
    lavender: 'lavender',
    mint: 'mint',
    linen: 'clean linen',
    coffee: 'coffee',
  },
  // For narration only, when a character names no notes of their own.
  scentDefaults: {
    alpha: ['cedar', 'smoke'],
    beta: ['linen'],
    omega: ['honey', 'rain'],
    unpresented: ['linen'],
  },
  gear: {
    // A sealed helmet blocks scent both ways and holds the wearer's scent inside for ~20 minutes.
    'sealed-helmet': {
      emissionPass: 0.02,
      intakePass: 0.02,
      trapTime: 20 * SECONDS_PER_MINUTE,
      weapon: false,
    },
    // A filter mask blunts the nose more than the scent.
    'filter-mask': { emissionPass: 0.6, intakePass: 0.2, trapTime: 0, weapon: false },
    blaster: { emissionPass: 1, intakePass: 1, trapTime: 0, weapon: true },
    knife: { emissionPass: 1, intakePass: 1, trapTime: 0, weapon: true },
  },
  medications: {
    // the suppressant mechanic: masks the scent and stretches the cycle (see `suppressant`)
    suppressant: { masks: true },
  },
  narration: {
    // A paragraph of beats is a minute of the scene: an exchange, told with "seconds later" inside it.
    paragraph: SECONDS_PER_MINUTE,
    // One person alone in a small closed room reaches about 8 u/m³ (emission ÷ volume × air changes);
    // a hall of people a few; a heat in a small room well past 10.
    scent: { faint: 1, clear: 4, thick: 8, overwhelming: 16 },
    // A level is left once the air falls under 70% of it: air at a level's edge is told once.
    fade: 0.7,
    // Half an hour of strong longing, thick air or the same shiver is told again: pacing shows.
    reminder: 30 * SECONDS_PER_MINUTE,
    // A pre-heat of twelve hours, a heat of days: recalled every six hours.
    bodyReminder: 6 * SECONDS_PER_HOUR,
    // ...but at most fifty times a run: a year recalls a lasting state once a week at most.
    recalls: 50,
    // The world is read every ten seconds for lasting states...
    sample: 10,
    // ...and at most two thousand times a run (a year-long run, every four and a half hours).
    samples: 2000,
    // Five minutes without a beat start a new scene in an outline.
    sceneBreak: 5 * SECONDS_PER_MINUTE,
  },
  population: {
    // The source stories give no census: a warship's crew of mostly betas, some alphas among the
    // officers and gunners, and omegas rarer still,
    alphaShare: 0.25,
    omegaShare: 0.1,
    // ...most of whom serve on suppressants, as the masked commander does,
    suppressantShare: 0.6,
    // ...and half of those pass as betas: who knows is a matter of records.
    concealShare: 0.5,
    // A warship carries few families.
    familyShare: 0.1,
    // A child presents as one of their parents half the time; otherwise as anyone might.
    inheritShare: 0.5,
    // The young present in their mid-teens (the young alpha of the medbay is 19 and presented).
    presentationAge: 15,
    // Crew from enlistment age to the captain's.
    adultAge: { min: 18, max: 58 },
    partnerShare: 0.2,
    // A bond is rare aboard a warship: it makes a crew member react less to everyone else.
    bondShare: 0.3,
    // Four recorded onsets: three counted cycles, as `forecast.minCycles` asks.
    recordedCycles: 4,
  },
};
