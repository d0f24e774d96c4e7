/**
 * The layers as rules: src/ never imports workers/ (it only names worker URLs), and the folders
 * of src/ import each other without cycles, so each capability can be read (and tested) from the
 * bottom up: util <- graph <- diffusion <- engine <- analysis, seeding <- cli, app.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** [importing file, imported file] for every relative import or re-export under src/. */
function imports(): [string, string][] {
  const out: [string, string][] = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    const statics = text.matchAll(/^[ \t]*(?:import|export)\b[^'";=(]*?['"](\.{1,2}\/[^'"]+)['"]/gm);
    const dynamics = text.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]/g);
    for (const m of [...statics, ...dynamics]) out.push([file, resolve(dirname(file), m[1])]);
  }
  return out;
}

/** The folder of a file below src/, cut to `depth` levels ('.' for files directly in src/). */
function folderOf(file: string, depth: number): string {
  const rel = relative(src, dirname(file));
  return rel === '' ? '.' : rel.split('/').slice(0, depth).join('/');
}

/** Every cycle of the folder graph, as the list of folders it goes through. */
function folderCycles(edges: [string, string][], depth: number): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    const fa = folderOf(a, depth);
    const fb = folderOf(b, depth);
    if (fa === fb) continue;
    if (!next.has(fa)) next.set(fa, new Set());
    next.get(fa)?.add(fb);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (a: string) => {
    state.set(a, 'open');
    stack.push(a);
    for (const b of next.get(a) ?? []) {
      if (state.get(b) === 'open') cycles.push([...stack.slice(stack.indexOf(b)), b]);
      else if (!state.has(b)) visit(b);
    }
    stack.pop();
    state.set(a, 'done');
  };
  for (const a of next.keys()) if (!state.has(a)) visit(a);
  return cycles;
}

describe('architecture', () => {
  const edges = imports();

  it('finds the imports it checks', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some(([a, b]) => a.includes('/cli/') && b.includes('/engine/'))).toBe(true);
  });

  it('src/ never imports workers/', () => {
    const offenders = edges
      .filter(([, target]) => !target.startsWith(`${src}/`))
      .filter(([, target]) => !target.startsWith(join(root, 'datasets')))
      .map(([file, target]) => `${relative(root, file)} -> ${relative(root, target)}`);
    expect(offenders).toEqual([]);
  });

  it('the capability folders of src/ import each other without cycles', () => {
    expect(folderCycles(edges, 1).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('no folder at any depth imports back into a folder that imports it (app/ and cli/ included)', () => {
    expect(folderCycles(edges, 99).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('the cycle finder sees a cycle', () => {
    const a = join(src, 'x', 'a.ts');
    const b = join(src, 'y', 'b.ts');
    expect(folderCycles([[a, b]], 1)).toEqual([]);
    expect(
      folderCycles(
        [
          [a, b],
          [b, a],
        ],
        1,
      ),
    ).toEqual([['x', 'y', 'x']]);
  });
});
