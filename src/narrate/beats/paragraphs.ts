/**
 * Beats grouped into paragraphs: what happens within `narration.paragraph` of a paragraph's first
 * beat, told together, with "Seconds later" where it moves on to a later instant. Each paragraph is
 * told in a voice of its own: a character is named in full once in it, by their short name after.
 */

import type { Names } from '../language/names.js';
import { laterPhrase, sentenceCase } from '../language/phrases.js';
import { Voice } from '../language/voice.js';
import type { Beat } from './beat.js';

export interface Paragraph {
  /** the instant of its first beat */
  t: number;
  beats: Beat[];
}

/** Collects beats (in time order) into paragraphs, handing each on as soon as it is complete. */
export class Paragrapher {
  private open: Paragraph | undefined;
  readonly done: Paragraph[] = [];

  constructor(
    private readonly span: number,
    private readonly onParagraph: (p: Paragraph) => void = () => {},
  ) {}

  add(beat: Beat): void {
    if (this.open && beat.t > this.open.t + this.span) this.close();
    if (this.open) this.open.beats.push(beat);
    else this.open = { t: beat.t, beats: [beat] };
  }

  /** Closes the open paragraph if nothing at or after `now` can join it any more. */
  settle(now: number): void {
    if (this.open && now > this.open.t + this.span) this.close();
  }

  close(): void {
    if (!this.open) return;
    this.done.push(this.open);
    this.onParagraph(this.open);
    this.open = undefined;
  }
}

/** Sentences that begin with a common word, lowered after "Seconds later, ". */
const COMMON_START = /^(The air|The scent|A faint|Everyone) /;

/** A paragraph's sentences, as one piece of prose; `after` adds to each beat's sentence (a footnote's mark). */
export function paragraphText(p: Paragraph, names: Names, after: (beat: Beat) => string = () => ''): string {
  const voice = new Voice(names, { numbers: false });
  let at = p.t;
  let lastCue = '';
  return p.beats
    .map((beat) => {
      voice.nextSentence();
      const sentence = `${sentenceCase(beat.tell(voice))}${after(beat)}`;
      if (beat.t === at) return sentence;
      const gap = beat.t - at;
      at = beat.t;
      // "Seconds later" twice running reads as a drum: the second is "Then".
      const later = laterPhrase(gap);
      const cue = later === 'Seconds later' && lastCue === later ? 'Then' : `${later},`;
      lastCue = cue === 'Then' ? '' : later;
      const lower = voice.ledWithPronoun || COMMON_START.test(sentence);
      return `${cue} ${lower ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence}`;
    })
    .join(' ');
}
