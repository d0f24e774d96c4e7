/** Build DOM elements; text is always set as text, never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

let nextId = 0;
/** A unique element id with a readable prefix. */
export function uid(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}

/** A <label> bound to a control by id (the control gets one if it has none). */
export function labelled(text: string, control: HTMLElement, className = 'field'): HTMLLabelElement {
  if (!control.id) control.id = uid('f');
  const label = el('label', { for: control.id, class: className }, el('span', {}, text));
  label.append(control);
  return label;
}

/** A <select> with options [value, text]. */
export function select(
  options: [string, string][],
  value: string,
  attributes: Record<string, string> = {},
): HTMLSelectElement {
  const s = el('select', attributes);
  for (const [v, text] of options) s.append(el('option', { value: v }, text));
  s.value = value;
  return s;
}
