/**
 * Hostile input: decompression bombs, endless devices, huge files and text that is not UTF-8.
 * Each ends early with one clear LoadError and little memory: the loaders read streams and stop
 * at the first bad block (checked by counting what is pulled from the stream), limits on edges and
 * text size hold while streaming, and the verdict on bad text is the same however the input is
 * cut into chunks. The CLI cases run in a child process and measure its peak memory.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeGunzip, nodeLoadServices, readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { type LoadOptions, loadGraph } from '../../src/graph/load.ts';
import { LoadError } from '../../src/graph/load-error.ts';
import type { Gunzip } from '../../src/graph/stream.ts';
import { gzipBomb } from '../fuzz/generators.ts';
import { arcs, load } from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MiB = 1 << 20;
const text = (s: string) => new TextEncoder().encode(s);

/** A gunzip that counts the decompressed bytes the loader pulled. */
function countingGunzip(): { gunzip: Gunzip; pulled: () => number } {
  let pulled = 0;
  const gunzip: Gunzip = (compressed) => {
    const inner = nodeGunzip(compressed) as AsyncIterable<Uint8Array>;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const chunk of inner) {
          pulled += chunk.length;
          yield chunk;
        }
      },
    };
  };
  return { gunzip, pulled: () => pulled };
}

/** The LoadError loading fails with, Node's gunzip and DOMParser injected unless options say otherwise. */
async function failure(input: Parameters<typeof loadGraph>[0], options: LoadOptions): Promise<LoadError> {
  const error = await loadGraph(input, { ...nodeLoadServices, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoadError);
  return error as LoadError;
}

/** The bytes in chunks of `size` (the last one shorter), as a stream. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

describe('decompression bombs and endless input', () => {
  it('refuses a gzip bomb of zeros from its first chunk', async () => {
    const bomb = gzipBomb('\0', 256 * MiB); // 256 KB of gzip
    const { gunzip, pulled } = countingGunzip();
    const started = performance.now();
    const e = await failure(bomb, { file: 'zeros.gz', direction: 'influences', gunzip });
    expect(e.message).toMatch(
      /^zeros\.gz:1: binary data, not a text graph file: a NUL byte at byte offset 0 after gunzip/,
    );
    expect(pulled()).toBeLessThanOrEqual(2 * MiB);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops a gzip bomb of edges at --max-edges', async () => {
    const bomb = gzipBomb('1 2\n', 64 * MiB);
    const { gunzip, pulled } = countingGunzip();
    const e = await failure(bomb, { file: 'edges.txt.gz', direction: 'influences', gunzip, maxEdges: 1000 });
    // Line 1, "1 2", may be an "n m" header until the end: the limit allows it one more line.
    expect(e.message).toContain('edges.txt.gz:1002: more than 1,000 edge lines');
    expect(e.message).toContain('--max-edges');
    expect(pulled()).toBeLessThanOrEqual(2 * MiB);
  });

  it('caps the text of formats parsed whole, naming the file and the limit', async () => {
    const bomb = gzipBomb(' ', 64 * MiB);
    const json = `{"nodes": [${' '.repeat(5000)}], "edges": []}`;
    const { gunzip, pulled } = countingGunzip();
    const e = await failure(bomb, { file: 'huge.json.gz', gunzip, maxTextBytes: MiB });
    expect(e.message).toMatch(/^huge\.json\.gz: more than 1 MiB of JSON text after gunzip/);
    expect(pulled()).toBeLessThanOrEqual(3 * MiB);
    const x = await failure(text(json), { file: 'g.json', maxTextBytes: 4096 });
    expect(x.message).toContain('g.json: more than 4096 bytes of JSON text');
    const graphml = `<graphml><graph>${'<!-- -->\n'.repeat(1000)}</graph></graphml>`;
    const m = await failure(text(graphml), { file: 'g.graphml', maxTextBytes: 4096 });
    expect(m.message).toContain('of GraphML text');
    expect(m.message).toContain('edge list');
  });

  it('counts edges of XML and JSON against maxEdges too', async () => {
    const json = JSON.stringify({
      nodes: [{ key: 'a' }, { key: 'b' }],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
    });
    const e = await failure(text(json), { file: 'two.json', maxEdges: 1 });
    expect(e.message).toContain('2 edges, more than the limit of 1');
    expect((await load(json, { file: 'two.json', maxEdges: 2 })).report.edges).toBe(2);
  });

  it('takes exactly maxEdges edge lines, a header line not counted', async () => {
    const lines = 'source target\n1 2\n2 3\n3 4\n';
    const g = await load(lines, { file: 'h.txt', direction: 'influences', maxEdges: 3 });
    expect(g.report.edgeLines).toBe(3);
    const e = await failure(text(lines), { file: 'h.txt', direction: 'influences', maxEdges: 2 });
    expect(e.message).toContain('h.txt:4: more than 2 edge lines');
    expect(e.line).toBe(4);
  });

  it('releases the stream when loading fails, and reads no further', async () => {
    let pulled = 0;
    let released = false;
    async function* zeros(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          pulled++;
          yield new Uint8Array(64 * 1024);
        }
      } finally {
        released = true;
      }
    }
    const e = await failure(zeros(), { file: '/dev/zero', direction: 'influences' });
    expect(e.message).toContain('binary data');
    expect(released).toBe(true);
    expect(pulled).toBeLessThanOrEqual(2);
    async function* edges(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) yield text('1 2\n'.repeat(1000));
      } finally {
        released = true;
      }
    }
    released = false;
    await failure(edges(), { file: 'endless.txt', direction: 'influences', maxEdges: 10_000 });
    expect(released).toBe(true);
  });

  it('reports a read error of the source as one', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield text('1 2\n');
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    const e = await failure(broken(), { file: 'disk.txt', direction: 'influences' });
    expect(e.message).toBe('disk.txt: cannot read the file (EIO: i/o error, read)');
    const { gunzip } = countingGunzip();
    async function* brokenGz(): AsyncGenerator<Uint8Array> {
      yield gzipBomb('1 2\n', MiB).subarray(0, 100);
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    const z = await failure(brokenGz(), { file: 'disk.txt.gz', direction: 'influences', gunzip });
    expect(z.message).toBe('disk.txt.gz: cannot read the file (EIO: i/o error, read)');
  });

  it('refuses a line too long to be an edge list line, after the lines before it', async () => {
    const bytes = text(`1 2\n2 3\n${'x'.repeat(3 * MiB)} y\n`);
    const e = await failure(chunked(bytes, 64 * 1024), { file: 'long.txt', direction: 'influences' });
    expect(e.message).toMatch(/^long\.txt:3: the line is longer than 64 KiB/);
  });
});

describe('text that is not UTF-8', () => {
  const body = Array.from({ length: 20000 }, (_, i) => `${i} ${i + 1}\n`).join(''); // 218 KB
  const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

  it('is refused where it first appears, before or after 64 KiB, with line, offset and a hint', async () => {
    const early = await failure(latin1('Andr\u00e9 Zo\u00eb\n' + body), {
      file: 'early.txt',
      direction: 'influences',
    });
    expect(early.message).toBe(
      'early.txt:1: invalid UTF-8 (byte 0xe9 at byte offset 4); graph files must be UTF-8 text. If this one is in another encoding such as Latin-1 or Windows-1252, convert it first, e.g. iconv -f latin1 -t utf-8 early.txt > early.txt.utf8',
    );
    const lateBytes = latin1(body + 'Zo\u00eb Andr\u00e9\n');
    const late = await failure(lateBytes, { file: 'late.txt', direction: 'influences' });
    expect(late.message).toBe(
      `late.txt:20001: invalid UTF-8 (byte 0xeb at byte offset ${body.length + 2}); graph files must be UTF-8 text. If this one is in another encoding such as Latin-1 or Windows-1252, convert it first, e.g. iconv -f latin1 -t utf-8 late.txt > late.txt.utf8`,
    );
    expect(late.line).toBe(20001);
  });

  it('is found in comment lines, header lines and quoted fields too', async () => {
    for (const content of ['# caf\u00e9\n1 2\n', 'caf\u00e9,target\n1,2\n', 'a,"b\u00e9"\n']) {
      const e = await failure(latin1(content), { file: 'x.csv', direction: 'influences' });
      expect(e.message).toContain('invalid UTF-8 (byte 0xe9');
    }
  });

  it('in GEXF, GraphML and JSON, with the line', async () => {
    const xml = latin1(
      '<?xml version="1.0"?>\n<gexf version="1.3">\n<graph>\n<nodes><node id="Andr\u00e9"/>',
    );
    const e = await failure(xml, { file: 'g.gexf' });
    expect(e.message).toMatch(/^g\.gexf:4: invalid UTF-8 \(byte 0xe9 at byte offset 72\)/);
    const json = latin1('{"nodes": [\n{"key": "Andr\u00e9"}]}');
    const j = await failure(json, { file: 'g.json' });
    expect(j.message).toMatch(/^g\.json:2: invalid UTF-8/);
  });

  it('after gunzip, with a hint that unzips first', async () => {
    const gz = (await import('node:zlib')).gzipSync(latin1(body + 'Zo\u00eb b\n'));
    const e = await failure(gz, { file: 'data/late.txt.gz', direction: 'influences', gunzip: nodeGunzip });
    expect(e.message).toContain('late.txt.gz:20001: invalid UTF-8');
    expect(e.message).toContain('after gunzip');
    expect(e.message).toContain('gunzip -c data/late.txt.gz | iconv -f latin1 -t utf-8 > data/late.txt.utf8');
  });

  it('gets the same verdict however the input is cut into chunks', async () => {
    const cases: [string, Uint8Array][] = [
      ['late.txt', latin1(body.slice(0, 70_000) + 'Zo\u00eb Andr\u00e9\n')],
      ['random.bin', Uint8Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 24)],
      ['png.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
      ['nul.txt', text(`${'1 2\n'.repeat(30000)}3\u00004\n`)],
      ['late-big.txt', latin1(`${body.repeat(3)}Zo\u00eb b\n`)],
    ];
    for (const [file, bytes] of cases) {
      const whole = (await failure(bytes, { file, direction: 'influences' })).message;
      for (const size of [1, 3, 7, 64, 4096, 65536, 150_000, 300_001]) {
        if (size < 64 && bytes.length > 10_000) continue;
        const streamed = (await failure(chunked(bytes, size), { file, direction: 'influences' })).message;
        expect(streamed, `${file} in chunks of ${size}`).toBe(whole);
      }
    }
  });

  it('calls binary data binary: NUL bytes, random bytes, a PNG', async () => {
    const random = Uint8Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 24);
    expect((await failure(random, { file: 'r.bin', direction: 'influences' })).message).toContain(
      'binary data',
    );
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await failure(png, { file: 'p.png' })).message).toMatch(/^p\.png:1: binary data/);
  });

  it('names the line of binary data that follows text lines near the start', async () => {
    // 1000 edge lines (4 KB), then 100 KB of NUL bytes: the second block of the file's head.
    const lines = text('1 2\n'.repeat(1000));
    const bytes = new Uint8Array(lines.length + 100_000);
    bytes.set(lines);
    const message = (await failure(bytes, { file: 'n.txt', direction: 'influences' })).message;
    expect(message).toMatch(
      /^n\.txt:1001: binary data, not a text graph file: a NUL byte at byte offset 4000/,
    );
  });
});

describe('chunk boundaries', () => {
  it('give the same graph as the whole bytes, whatever the chunk sizes', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 120_000; i++)
      lines.push(i % 7 === 0 ? `"user ${i % 501}" émile${i % 13}` : `${i % 9973} ${(i * 7) % 10007}`);
    const bytes = text(`# a comment\n${lines.join('\n')}\n`);
    const whole = await load(bytes, { file: 'mix.txt', direction: 'influences' });
    for (const size of [1000, 65_536, 131_073, 150_000, 1 << 20]) {
      const g = await loadGraph(chunked(bytes, size), { file: 'mix.txt', direction: 'influences' });
      expect(g.ids, `chunks of ${size}`).toEqual(whole.ids);
      expect(arcs(g)).toEqual(arcs(whole));
      expect(g.report).toEqual(whole.report);
    }
  });

  it('read from a file larger than the buffers it is read into in turn: the same graph as in memory', async () => {
    // Over 8 chunks of 1 MiB, so that each of the 4 buffers is read into twice or more.
    const lines: string[] = [];
    for (let i = 0; i < 900_000; i++)
      lines.push(
        i % 11 === 0 ? `"user ${i % 701}" émile${i % 17}` : `${(i * 31) % 99991} ${(i * 7) % 10007}`,
      );
    const bytes = text(`# a comment\n${lines.join('\n')}\n`);
    expect(bytes.length).toBeGreaterThan(8 << 20);
    const dir = mkdtempSync(join(tmpdir(), 'ripple-chunks-'));
    const file = join(dir, 'big.txt');
    writeFileSync(file, bytes);
    const fromFile = await readGraphFile(file, { direction: 'influences' }).finally(() =>
      rmSync(dir, { recursive: true }),
    );
    const inMemory = await load(bytes, { file, direction: 'influences' });
    expect(fromFile.ids).toEqual(inMemory.ids);
    expect([...fromFile.csr.outOffsets]).toEqual([...inMemory.csr.outOffsets]);
    expect([...fromFile.csr.outTargets]).toEqual([...inMemory.csr.outTargets]);
    expect(fromFile.report).toEqual(inMemory.report);
  });

  const content = 'émile zoë\n"zoë" "a b"\n😀 émile\n東京 😀\n';
  const expected = ['émile', 'zoë', 'a b', '😀', '東京'];

  it('is no error wherever the chunks are cut', async () => {
    const bytes = text(content);
    for (let cut = 1; cut < bytes.length; cut++) {
      async function* two(): AsyncGenerator<Uint8Array> {
        yield bytes.slice(0, cut);
        yield bytes.slice(cut);
      }
      const g = await loadGraph(two(), { file: 'u.txt', direction: 'influences' });
      expect(g.ids, `cut at ${cut}`).toEqual(expected);
    }
    for (const size of [1, 2, 3, 5]) {
      const g = await loadGraph(chunked(bytes, size), { file: 'u.txt', direction: 'influences' });
      expect(g.ids).toEqual(expected);
    }
  });

  it('nor through a streaming gunzip fed a byte at a time, nor in XML', async () => {
    const gz = (await import('node:zlib')).gzipSync(text(content.repeat(3000)));
    const g = await loadGraph(chunked(gz, 1), {
      file: 'u.txt.gz',
      direction: 'influences',
      gunzip: nodeGunzip,
    });
    expect(g.ids).toEqual(expected);
    const xml = `<graphml><graph edgedefault="directed"><node id="émile"/><node id="😀"/><edge source="émile" target="😀"/></graph></graphml>`;
    const { strictXmlParser } = await import('../../src/util/strict-xml-parser.ts');
    const x = await loadGraph(chunked(text(xml), 1), { file: 'u.graphml', DOMParser: strictXmlParser });
    expect(arcs(x)).toEqual(['émile>😀']);
  });
});

describe('from the command line (a child process, its peak memory measured)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ripple-hostile-'));
  const runner = join(dir, 'run.mjs');
  writeFileSync(
    runner,
    `const { main } = await import(${JSON.stringify(join(ROOT, '.cache/node/ripple.mjs'))});
const chunks = [];
const code = await main(process.argv.slice(2), { stdout: { write: () => true }, stderr: { write: (s) => chunks.push(s) } });
console.log(JSON.stringify({ code, stderr: chunks.join(''), peakMB: process.resourceUsage().maxRSS / 1024 }));
process.exit(0);
`,
  );
  const ripple = (...args: string[]) => {
    const started = performance.now();
    const r = spawnSync(process.execPath, [runner, ...args], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    return {
      ...(JSON.parse(r.stdout) as { code: number; stderr: string; peakMB: number }),
      ms: performance.now() - started,
    };
  };

  it.runIf(existsSync('/dev/zero'))('--graph /dev/zero ends at once with one error', () => {
    const r = ripple('stats', '--graph', '/dev/zero', '--direction', 'influences');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'ripple: /dev/zero:1: binary data, not a text graph file: a NUL byte at byte offset 0; expected an edge list, GEXF, GraphML or JSON text, optionally gzip-compressed\n',
    );
    expect(r.peakMB).toBeLessThan(200);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a 1 MB gzip of 1 GiB of zeros ends at once with one error', () => {
    const file = join(dir, 'zeros.gz');
    writeFileSync(file, gzipBomb('\0', 1024 * MiB));
    const r = ripple('stats', '--graph', file, '--direction', 'influences');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^ripple: \S+zeros\.gz:1: binary data, not a text graph file: a NUL byte at byte offset 0 after gunzip;/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.peakMB).toBeLessThan(200);
    expect(r.ms).toBeLessThan(5000);
  });

  it('--max-edges stops a gzip bomb of edges early, and names itself', () => {
    const file = join(dir, 'edges.txt.gz');
    writeFileSync(file, gzipBomb('1 2\n', 256 * MiB));
    const r = ripple('stats', '--graph', file, '--direction', 'influences', '--max-edges', '100000');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('edges.txt.gz:100002: more than 100,000 edge lines');
    expect(r.stderr).toContain('--max-edges N');
    expect(r.peakMB).toBeLessThan(200);
    const bad = ripple('stats', '--graph', file, '--direction', 'influences', '--max-edges', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-edges: expected a whole number >= 1, got '0'");
  });

  it('streams a plain edge list: memory for the graph, not for the file', async () => {
    // 128 MB of text and 4 edges: the old loader held the whole file in memory.
    const file = join(dir, 'comments.txt');
    writeFileSync(file, '1 2\n2 3\n3 4\n4 1\n');
    const block = `# ${'x'.repeat(1021)}\n`.repeat(1024);
    for (let k = 0; k < 128; k++) appendFileSync(file, block);
    const r = ripple('stats', '--graph', file, '--direction', 'influences');
    expect(r.code).toBe(0);
    expect(r.peakMB).toBeLessThan(150); // the old loader: about 200 MB
    const g = await readGraphFile(file, { direction: 'influences' });
    expect(g.report.edges).toBe(4);
    expect(g.report.skippedLines).toBe(128 * 1024);
  });
});
