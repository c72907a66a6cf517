/**
 * Small DOM builders. Text always goes in as text nodes and attribute values through `setAttribute`,
 * so nothing from a scenario is ever parsed as markup. There is no `innerHTML` here.
 */

export type Attrs = Record<string, string | number | boolean | null | undefined>;
export type Kid = Node | string | number | null | undefined | false | readonly Kid[];

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(node: Element, attrs: Attrs, kids: readonly Kid[]): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) node.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  append(node, kids);
}

/** Appends children: nodes as they are, strings and numbers as text nodes, lists flattened. */
export function append(node: Node, kids: readonly Kid[]): void {
  for (const kid of kids) {
    if (kid === null || kid === undefined || kid === false) continue;
    if (Array.isArray(kid)) append(node, kid);
    else if (typeof kid === 'string' || typeof kid === 'number')
      node.appendChild(document.createTextNode(String(kid)));
    else node.appendChild(kid as Node);
  }
}

/** An HTML element: `el('li', { class: 'x' }, 'text', el('b', {}, '1'))`. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...kids: Kid[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  apply(node, attrs, kids);
  return node;
}

/** An SVG element. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...kids: Kid[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  apply(node, attrs, kids);
  return node;
}

/** Replaces all of `node`'s children. */
export function replace(node: Node, ...kids: Kid[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, kids);
}

/** The element with this id, which the page must have. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}
