/**
 * Watching for prototype pollution: a snapshot of the own properties of the built-in prototypes
 * (and of their methods, where graphology's multigraph index wrote `previous` when a node id was
 * "constructor" or "toString"), compared by identity after loading untrusted files.
 */

/** The objects a polluting parser would touch: the built-in prototypes and their methods. */
function guarded(): object[] {
  const roots: object[] = [
    Object.prototype,
    Function.prototype,
    Array.prototype,
    String.prototype,
    Number.prototype,
    Object,
    Array,
  ];
  const out = [...roots];
  for (const root of roots) {
    for (const d of Object.values(Object.getOwnPropertyDescriptors(root))) {
      if (typeof d.value === 'function' && !out.includes(d.value)) out.push(d.value);
    }
  }
  return out;
}

const GUARDED = guarded();

/** Own properties (names and symbols) of every guarded object, with their values or getters. */
export function prototypeSnapshot(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  GUARDED.forEach((o, i) => {
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key) as PropertyDescriptor;
      out.set(`${i}.${String(key)}`, d.value ?? d.get);
    }
  });
  return out;
}

/** Properties added, changed or removed since `before` ("index.name"; removed ones with "-"). */
export function snapshotChanges(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const changes: string[] = [];
  for (const [k, v] of after) if (!before.has(k) || !Object.is(before.get(k), v)) changes.push(k);
  for (const k of before.keys()) if (!after.has(k)) changes.push(`-${k}`);
  return changes;
}
