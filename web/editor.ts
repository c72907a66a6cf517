/**
 * The scenario editor: CodeMirror 6 with YAML highlighting and live validation. Every change is
 * reported, debounced, to the page, which has the engine validate it and hands the errors back: each
 * becomes a lint diagnostic at its line and column, and a line in the plain list under the editor. One
 * mistake often causes others further down (an unknown place makes every later move from it
 * impossible): the first error is the one to fix, and the others are folded under it. Long lines wrap.
 * Tab is left to the browser (it moves focus on), so the editor never traps a keyboard user.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { EditorSelection, EditorState, type Text } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { ScenarioError } from '../src/index.js';
import { el, replace } from './dom.js';

export interface Editor {
  readonly view: EditorView;
  text(): string;
  /** Replaces the whole document (a scene picked, a reset). */
  setText(text: string): void;
  /** Shows these errors as diagnostics (none: clears them). */
  /** errors, and warnings (deprecated spellings) shown as such */
  showErrors(errors: readonly ScenarioError[], warnings?: readonly ScenarioError[]): void;
  /** Puts the cursor at a 1-based line and column and focuses the editor. */
  focusAt(line: number, column: number): void;
}

/** The document offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, Math.floor(line) || 1), doc.lines));
  return l.from + Math.min(Math.max(0, (Math.floor(column) || 1) - 1), l.length);
}

/** A diagnostic's range: from the error's position to the end of the word written there. */
function rangeOf(doc: Text, e: ScenarioError): { from: number; to: number } {
  const from = offsetOf(doc, e.line, e.column);
  const line = doc.lineAt(from);
  const rest = line.text.slice(from - line.from);
  const word = /^[^\s,:[\]{}#]+/.exec(rest)?.[0].length ?? 0;
  return { from, to: Math.min(line.to, from + Math.max(word, rest.length ? 1 : 0)) };
}

const messageOf = (e: ScenarioError) =>
  [e.message, e.expected && `expected: ${e.expected}`, e.hint && `hint: ${e.hint}`]
    .filter(Boolean)
    .join('\n');

/** Errors as diagnostics: the first an error, the ones after it shown as what may follow from it. */
export function diagnosticsOf(doc: Text, errors: readonly ScenarioError[]): Diagnostic[] {
  const first = errors[0];
  return errors.map((e, i) => ({
    ...rangeOf(doc, e),
    severity: i === 0 ? 'error' : 'info',
    source: 'omegaverse',
    message:
      i === 0 || !first ? messageOf(e) : `may follow from the error at line ${first.line}:\n${messageOf(e)}`,
  }));
}

/** Warnings (deprecated spellings) as diagnostics. */
const warningsOf = (doc: Text, warnings: readonly ScenarioError[]): Diagnostic[] =>
  warnings.map((e) => ({
    ...rangeOf(doc, e),
    severity: 'warning',
    source: 'omegaverse',
    message: messageOf(e),
  }));

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: '#fff' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    lineHeight: '1.45',
  },
  '&.cm-focused': { outline: '3px solid #0072B2', outlineOffset: '-3px' },
  '.cm-gutters': { backgroundColor: '#f5f5f3', color: '#555', borderRight: '1px solid #ddd' },
});

export function createEditor(
  parent: HTMLElement,
  text: string,
  onChange: (text: string) => void,
  delay = 300,
): Editor {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        foldGutter(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        yaml(),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap]),
        EditorState.tabSize.of(2),
        EditorView.lineWrapping,
        theme,
        EditorView.contentAttributes.of({
          'aria-label': 'Scenario file (YAML). Tab moves on to the next control.',
          spellcheck: 'false',
          // Editable text is in the Tab order already; said outright, checkers (axe) see that the
          // editor's scrolling region has something to reach it by keyboard.
          tabindex: '0',
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          clearTimeout(timer);
          timer = setTimeout(() => onChange(view.state.doc.toString()), delay);
        }),
      ],
    }),
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    showErrors(errors, warnings = []) {
      const doc = view.state.doc;
      view.dispatch(
        setDiagnostics(view.state, [...diagnosticsOf(doc, errors), ...warningsOf(doc, warnings)]),
      );
    },
    focusAt(line, column) {
      const at = offsetOf(view.state.doc, line, column);
      view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
      view.focus();
    },
  };
}

/** One error as a button that takes the cursor to it. */
function errorItem(e: ScenarioError, pick: (e: ScenarioError) => void): HTMLLIElement {
  const button = el(
    'button',
    { type: 'button', class: 'error-item' },
    el('span', { class: 'where' }, `line ${e.line}, column ${e.column}`),
    ' ',
    el('span', { class: 'message' }, e.message),
    e.expected ? el('span', { class: 'detail' }, `expected: ${e.expected}`) : null,
    e.hint ? el('span', { class: 'detail' }, `hint: ${e.hint}`) : null,
  );
  button.addEventListener('click', () => pick(e));
  return el('li', {}, button);
}

/**
 * The plain list of errors under the editor: each names its line and column and is a button that
 * takes the cursor there. The first is shown; the rest, which often follow from it, are folded under it.
 */
export function renderErrors(
  list: HTMLElement,
  status: HTMLElement,
  errors: readonly ScenarioError[],
  pick: (e: ScenarioError) => void,
  hasRun: boolean,
): void {
  const [first, ...rest] = errors;
  const more = `${rest.length} more error${rest.length === 1 ? '' : 's'}`;
  replace(
    list,
    first ? errorItem(first, pick) : null,
    rest.length
      ? el(
          'li',
          { class: 'follow-on' },
          el(
            'details',
            {},
            el('summary', {}, `${more}, which may follow from the first: fix it, then look again`),
            el(
              'ol',
              {},
              rest.map((e) => errorItem(e, pick)),
            ),
          ),
        )
      : null,
  );
  const count = rest.length
    ? `${errors.length} errors (fix the first, on line ${first!.line}: the others may follow from it)`
    : '1 error';
  status.textContent = first
    ? `${count}: nothing new runs until the file is valid${hasRun ? '; the view shows the last valid version' : ''}.`
    : 'The scenario is valid.';
  status.className = first ? 'status bad' : 'status ok';
}
