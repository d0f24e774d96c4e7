/**
 * Edge-list blocks into an EdgeListReader: the text check and the long-line rule before the
 * parser (feedEdgeListBlock, what loadGraph does with every block), and the reading of a file's
 * tail by a second reader for a split load (readEdgeListTail).
 *
 * A split load reads a large file on two threads: one reader reads the lines before a line start
 * `at` near the middle, another the lines from `at` on, and the first appends the second's
 * records (EdgeListReader.append) as if it had read them itself. The tail reader first reads the
 * head of the file, to learn what the first reader knows when it reaches `at` (delimiter,
 * columns, header); any problem in the tail (a bad line, bad text, too many edges) makes it give
 * up, and the first reader then reads the tail itself, so errors and warnings are exactly those
 * of a reading on one thread.
 */
import { EDGE_LINE_SHAPE, type EdgeListOptions, type EdgeListPart, EdgeListReader } from './edge-list.ts';
import { LoadError } from './load-error.ts';
import { BlockReader, ChunkReader, type GraphInput, MAX_LINE, type TextBlock } from './stream.ts';
import { firstTextProblem, textProblemError } from './text-check.ts';

/** Check one block's text, then feed its lines to the reader; throws the file's first problem. */
export function feedEdgeListBlock(
  reader: EdgeListReader,
  block: TextBlock,
  file: string,
  gzip: boolean,
): void {
  const { buf, end } = block;
  // Leading lines of two integer ids are read first: they need no text check.
  const from = block.cut ? 0 : reader.takeIntegerLines(buf.subarray(0, end));
  if (from === end) return;
  const bad = firstTextProblem(buf, from, end);
  if (bad >= 0) {
    // Lines before the bad one are read first, so the first problem in the file is reported.
    reader.feed(buf.subarray(from, bad > from ? buf.lastIndexOf(0x0a, bad - 1) + 1 : from));
    throw textProblemError(buf, bad, buf.length, {
      file,
      format: 'edgelist',
      gzip,
      line: reader.atLine,
      offset: block.offset + bad,
    });
  }
  if (block.cut) {
    reader.feed(buf.subarray(0, buf.lastIndexOf(0x0a, end - 1) + 1));
    throw new LoadError(
      file,
      'edgelist',
      `the line is longer than ${MAX_LINE >> 10} KiB; an edge list has short lines ${EDGE_LINE_SHAPE}`,
      { line: reader.atLine },
    );
  }
  reader.feed(from === 0 && end === buf.length ? buf : buf.subarray(from, end));
}

/** The block's lines before offset `at` (a line start inside it), and those from `at` on. */
export function splitBlock(block: TextBlock, at: number): [TextBlock, TextBlock] {
  const cut = at - block.offset;
  return [
    { buf: block.buf, end: cut, offset: block.offset, last: false, cut: false },
    {
      buf: block.buf.subarray(cut),
      end: block.end - cut,
      offset: at,
      last: block.last,
      cut: block.cut,
    },
  ];
}

/**
 * A second reader's records of the lines from `at` (a line start) to the end of a plain, not
 * gzipped, edge list; null when it cannot give them exactly as the first reader would read them
 * (see the file comment). `from(offset)` gives the file's bytes from an offset on.
 */
export async function readEdgeListTail(
  from: (offset: number) => GraphInput,
  at: number,
  options: EdgeListOptions,
): Promise<EdgeListPart | null> {
  const reader = new EdgeListReader(options);
  const head = new ChunkReader(from(0));
  const tail = new ChunkReader(from(at));
  try {
    // The head, up to `at` at most, until the reader knows how lines are read.
    const first = await head.read();
    if (!first || (first[0] === 0x1f && first[1] === 0x8b)) return null;
    let given = false;
    const blocks = new BlockReader(async () => {
      if (given) return head.read();
      given = true;
      return first;
    });
    for (let block = await blocks.next(); block && !reader.settled; block = await blocks.next()) {
      if (block.offset + block.end <= at) feedEdgeListBlock(reader, block, options.file, false);
      else {
        if (block.offset < at && !block.cut)
          feedEdgeListBlock(reader, splitBlock(block, at)[0], options.file, false);
        break;
      }
    }
    await head.cancel();
    if (!reader.settled) return null;
    reader.mark();
    const rest = new BlockReader(() => tail.read(), at);
    for (let block = await rest.next(); block; block = await rest.next())
      feedEdgeListBlock(reader, block, options.file, false);
    return reader.part();
  } catch {
    return null;
  } finally {
    await head.cancel();
    await tail.cancel();
  }
}
