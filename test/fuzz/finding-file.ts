/**
 * A finding as a file: the shrunk scenario itself, headed by comments that say what broke, how the
 * case was made, and how to replay it. `npm run fuzz -- --replay FILE` reads the header back.
 */
import type { Reported } from './campaign.js';
import type { Case } from './invariants.js';

const HEADER = '# omegaverse fuzz finding';

export function findingFile(r: Reported): string {
  const lines = [
    HEADER,
    `# invariant: ${r.invariant}${r.known ? ` (known: ${r.known.name}, ${r.known.issue})` : ''}`,
    `# message: ${oneLine(r.message)}`,
    `# kind: ${r.shrunk.kind}${r.shrunk.how ? ` (${oneLine(r.shrunk.how)})` : ''}`,
    `# must-reject: ${r.shrunk.mustReject === true}`,
    `# cut: ${r.shrunk.cut}`,
    ...(r.shrunk.ids ? [`# ids: ${r.shrunk.ids.join(' ')}`] : []),
    `# seed: ${r.seed} (the case before shrinking: npm run fuzz -- --seed ${r.seed} --runs 1)`,
    '# replay this file: npm run fuzz -- --replay THIS_FILE',
    '',
    '',
  ];
  return lines.join('\n') + r.shrunk.text;
}

/** The case a finding file holds: its header, then its text. */
export function readFindingFile(content: string): Case {
  const field = (name: string) => new RegExp(`^# ${name}: (.*)$`, 'm').exec(content)?.[1];
  const end = content.indexOf('\n\n');
  const text = content.startsWith(HEADER) && end >= 0 ? content.slice(end + 2) : content;
  const [, kind = 'hostile', how] = /^(\S+)(?: \((.*)\))?$/.exec(field('kind') ?? '') ?? [];
  return {
    kind: kind as Case['kind'],
    ...(how !== undefined && { how }),
    text,
    ...(field('must-reject') === 'true' && { mustReject: true }),
    cut: Number(field('cut') ?? 0.5),
    ...(field('ids') !== undefined && { ids: field('ids')!.split(' ') }),
  };
}

const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ');
