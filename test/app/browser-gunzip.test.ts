/**
 * The browser's streaming gunzip (src/app/load/browser-io.ts): compressed bytes reach the
 * decompressor in slices of at most GUNZIP_SLICE, because a browser's DecompressionStream inflates
 * each chunk whole (a 1 MB chunk of a gzip bomb became a gigabyte in Chromium); the text comes out
 * whole and in order.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GUNZIP_SLICE, gunzipStream, once, readableFrom } from '../../src/app/load/browser-io.ts';

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

describe('the browser gunzip', () => {
  it('hands the decompressor slices of at most GUNZIP_SLICE bytes, in order', async () => {
    const big = new Uint8Array(5 * GUNZIP_SLICE + 123).map((_, i) => i % 251);
    async function* two() {
      yield big.subarray(0, 3);
      yield big.subarray(3);
    }
    const slices = await collect(readableFrom(two()));
    expect(Math.max(...slices.map((s) => s.length))).toBeLessThanOrEqual(GUNZIP_SLICE);
    expect(slices.length).toBeGreaterThanOrEqual(6);
    const joined = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const s of slices) {
      joined.set(s, at);
      at += s.length;
    }
    expect(joined).toEqual(big);
  });

  it('decompresses what gzip compressed, and stops early when the reader stops', async () => {
    const text = new TextEncoder().encode('1 2\n'.repeat(200_000));
    const zipped = new Uint8Array(gzipSync(text));
    const chunks = await collect(gunzipStream(once(zipped)));
    expect(new TextDecoder().decode(Buffer.concat(chunks))).toBe('1 2\n'.repeat(200_000));
    // A bomb of zeros: read one chunk and cancel; nothing near its full size is produced.
    const bomb = new Uint8Array(gzipSync(new Uint8Array(256 << 20)));
    const reader = gunzipStream(once(bomb)).getReader();
    const first = await reader.read();
    expect(first.value?.length ?? 0).toBeLessThan(64 << 20);
    await reader.cancel();
  });
});
