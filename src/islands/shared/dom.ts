/**
 * DOM builders shared by the islands. Text goes in only as text nodes and textContent, values
 * only through setAttribute: nothing here parses markup (no innerHTML).
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type Child = Node | string;

/** An HTML element with its attributes (`class` sets className) and children, in that order. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** An SVG element with its attributes and, if given, its text. */
export function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}
