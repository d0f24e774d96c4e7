/**
 * The real command's stdout, written straight to file descriptor 1.
 *
 * Node creates process.stdout on first use, and on a pipe or a terminal that builds a net.Socket
 * or a tty.WriteStream, loading net, stream and tty: about 5 ms at start, an eighth of
 * `ripple --help` when stdout is a pipe (scripts, the benchmark). Commands write their output in
 * whole strings, so writeSync serves them as Node serves a file: in order, done when it returns
 * (nothing left to flush at exit). A pipe in non-blocking mode that is full (a slow reader) makes
 * writeSync fail with EAGAIN; the rest then goes through process.stdout, which waits for it.
 */
import { writeSync } from 'node:fs';
import type { Output } from './context.ts';

export function directStdout(): Output {
  let stream: NodeJS.WritableStream | null = null;
  return {
    write(text: string) {
      if (stream) return stream.write(text);
      const bytes = Buffer.from(text);
      let at = 0;
      try {
        while (at < bytes.length) at += writeSync(1, bytes, at);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        stream = process.stdout;
        return stream.write(bytes.subarray(at));
      }
      return true;
    },
  };
}
