/**
 * The beats view at scale: a 200-person mess hall for ten minutes (`messHall` in worlds.ts), told in
 * beats and in full. Prints the line counts of each view, the JSON Lines record count, whether the
 * beats run's events are those of a plain run, and how long each took. Slow (tens of seconds): kept
 * out of the test suite. Run: `npx tsx bench/mess-hall.ts [PEOPLE] [--print]`.
 */
import { World } from '../src/engine/world.js';
import { tellRun } from '../src/narrate/beats/narrator.js';
import { formatLog, formatStory } from '../src/narrate/format.js';
import { messHall } from './worlds.js';

const people = Number(process.argv[2] ?? 200);
const def = messHall(people);

let start = performance.now();
const plain = World.create(def);
plain.run();
const plainMs = performance.now() - start;

start = performance.now();
const told = World.create(def);
const story = tellRun(told);
const beats = formatStory(story, told.definition, 'text');
const beatsMs = performance.now() - start;

const full = formatLog(plain.events, def, 'text');
const jsonl = formatLog(plain.events, def, 'jsonl');
const lines = (text: string) => text.split('\n').length - 1;
const same = JSON.stringify(told.events) === JSON.stringify(plain.events);

if (process.argv.includes('--print')) process.stdout.write(beats);
console.log(`${def.title}: ${def.characters.length} characters, 10 simulated minutes`);
console.log(`  full view:   ${lines(full)} lines (${plain.events.length} events)`);
console.log(
  `  beats view:  ${lines(beats)} lines (${story.beats} beats in ${story.paragraphs.length} paragraphs)`,
);
console.log(`  JSON Lines:  ${lines(jsonl)} records`);
console.log(`  the beats run's events are the plain run's, byte for byte: ${same}`);
console.log(`  plain run ${Math.round(plainMs)} ms; run told in beats ${Math.round(beatsMs)} ms`);
