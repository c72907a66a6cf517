/**
 * A tiny, safe HTML (and inline SVG) builder for the report. Text and attribute values are always
 * escaped; the only way to put markup in is to build it with `h` (or, for the report's own constant
 * CSS, `raw`). Nothing here touches the DOM or the file system: it runs anywhere.
 */

/** Markup that is safe to emit as it is: built by `h`, or a constant of the report's own. */
export interface Html {
  readonly html: string;
}

/** What an element may contain: markup, text (escaped), numbers, nothing, or lists of these. */
export type Child = Html | string | number | null | undefined | false | readonly Child[];

/** Attribute values: text and numbers are escaped; `true` writes a bare attribute; the rest omit it. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `& < > " '`: safe in text, in quoted attribute values, and inside inline SVG. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Trusted markup, emitted as it is. Only for the report's own constants, never for scenario text. */
export function raw(html: string): Html {
  return { html };
}

/** HTML elements that have no end tag. */
const VOID = new Set(['meta', 'br', 'hr', 'wbr']);

const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

/** An element: `h('td', { class: 'num' }, 'text', h('b', {}, '1'))`. Attribute names are the code's own. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): Html {
  if (!NAME.test(tag)) throw new Error(`bad tag name '${tag}'`);
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (!NAME.test(name)) throw new Error(`bad attribute name '${name}'`);
    if (value === true) open += ` ${name}`;
    else if (value !== false && value !== null && value !== undefined)
      open += ` ${name}="${esc(String(value))}"`;
  }
  if (VOID.has(tag)) return { html: `${open}>` };
  return { html: `${open}>${render(children)}</${tag}>` };
}

/** Children joined into markup, text escaped. */
export function render(children: Child | readonly Child[]): string {
  if (children === null || children === undefined || children === false) return '';
  if (typeof children === 'string') return esc(children);
  if (typeof children === 'number') return esc(String(children));
  if (Array.isArray(children)) return (children as readonly Child[]).map(render).join('');
  return (children as Html).html;
}

/** Several children as one piece of markup, without a wrapping element. */
export function fragment(...children: Child[]): Html {
  return { html: render(children) };
}
