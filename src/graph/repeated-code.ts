/**
 * The first repeated code of a dense table of u32 codes (a snapshot's integer ids), by marking a
 * bitmap in WebAssembly (src/util/wasm.ts): a fresh process runs a JavaScript loop over a
 * hundred thousand codes in V8's interpreter (2-3 ms on Slashdot's 82,168 ids, 5-6 ms on a
 * million), while the module is compiled at once and runs the loop in well under a millisecond.
 */
import {
  add,
  and,
  assemble,
  block,
  br,
  brIf,
  get,
  geU,
  gtU,
  i32,
  Locals,
  load8,
  load32,
  loop,
  or,
  ret,
  set,
  shl,
  shrU,
  store8,
  when,
} from '../util/wasm.ts';

const PAGE = 65536;

/**
 * The index of the first code that appeared before it, -1 when all are distinct, or null when
 * the largest code needs a bitmap of more than `maxBitmapBytes` (sparse codes: the caller then
 * uses a hash table).
 */
export function firstRepeatedCode(codes: Uint32Array, maxBitmapBytes: number): number | null {
  const n = codes.length;
  const bitmap = 4 * n;
  const { memory, largest, repeated } = new WebAssembly.Instance(new WebAssembly.Module(codeModule(n)))
    .exports as { memory: WebAssembly.Memory; largest: () => number; repeated: () => number };
  new Uint32Array(memory.buffer, 0, n).set(codes);
  const bytes = (largest() >>> 3) + 1;
  if (bytes > maxBitmapBytes) return null;
  memory.grow(Math.ceil((bitmap + bytes) / PAGE) - memory.buffer.byteLength / PAGE);
  return repeated();
}

/** The codes at 0 (4n bytes), the bitmap after them: largest() the largest code, repeated(). */
function codeModule(n: number): Uint8Array<ArrayBuffer> {
  const bitmap = 4 * n;
  const L = new Locals();
  const v = L.local();
  const code = L.local();
  const at = L.local();
  const bit = L.local();
  const marked = L.local();
  const repeated = [
    block('done', [
      loop('next', [
        brIf('done', geU(get(v), i32(n))),
        set(code, load32(shl(get(v), i32(2)))),
        set(at, shrU(get(code), i32(3))),
        set(bit, shl(i32(1), and(get(code), i32(7)))),
        set(marked, load8(get(at), bitmap)),
        when(and(get(marked), get(bit)), [ret(get(v))]),
        store8(get(at), or(get(marked), get(bit)), bitmap),
        set(v, add(get(v), i32(1))),
        br('next'),
      ]),
    ]),
    ret(i32(-1)),
  ];
  const M = new Locals();
  const w = M.local();
  const max = M.local();
  const c = M.local();
  const largest = [
    block('done', [
      loop('next', [
        brIf('done', geU(get(w), i32(n))),
        set(c, load32(shl(get(w), i32(2)))),
        when(gtU(get(c), get(max)), [set(max, get(c))]),
        set(w, add(get(w), i32(1))),
        br('next'),
      ]),
    ]),
    ret(get(max)),
  ];
  return assemble(Math.max(1, Math.ceil(bitmap / PAGE)), [
    { name: 'largest', params: M.params, results: ['i32'], locals: M.extra, body: largest },
    { name: 'repeated', params: L.params, results: ['i32'], locals: L.extra, body: repeated },
  ]);
}
