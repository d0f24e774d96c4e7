/**
 * The README stays a front page: at most 150 lines, the two-command quick start, and links to
 * reference pages that exist (the reference lives in docs/).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  const text = readFileSync('README.md', 'utf8');
  it('is at most 150 lines, with the two commands of the quick start', () => {
    expect(text.split('\n').length).toBeLessThanOrEqual(150);
    expect(text).toContain('npm ci && npm start');
    expect(text).toContain('npm ci && npm test');
  });
  it('links to reference pages and pictures that exist', () => {
    const links = [...text.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^https?:/.test(l));
    for (const page of ['docs/cli.md', 'docs/architecture.md', 'docs/models.md', 'docs/formats.md'])
      expect(links).toContain(page);
    expect(links.filter((l) => !existsSync(l))).toEqual([]);
  });
  it('carries no merge-conflict markers (also as the formatter rewrites them)', () => {
    for (const file of [
      'README.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ])
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /^\s*(<<<<<<< |=======$|>>>>>>> |> > > > > > > )/m,
      );
  });
});
