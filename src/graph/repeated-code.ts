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
  exported,
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
 * uses a hash table). `room`: the WebAssembly memory `codes` lie in and the first of its bytes
 * free from there to its end; the bitmap goes there when it fits, so the codes are read where
 * they are (a snapshot's id table, in the memory it was read into: 4 MB not copied into fresh
 * memory on a million ids, 2-3 ms of a load), else they are copied into a module's own memory.
 */
export function firstRepeatedCode(
  codes: Uint32Array,
  maxBitmapBytes: number,
  room?: { memory: WebAssembly.Memory; free: number },
): number | null {
  const n = codes.length;
  if (room && codes.buffer === room.memory.buffer) {
    const { memory, free } = room;
    const pages = memory.buffer.byteLength / PAGE;
    const module = codeModule(n, codes.byteOffset, free, {
      shared: !(memory.buffer instanceof ArrayBuffer),
      pages,
    });
    const { largest, repeated } = new WebAssembly.Instance(new WebAssembly.Module(module), {
      env: { memory },
    }).exports as { largest: () => number; repeated: () => number };
    const bytes = (largest() >>> 3) + 1;
    if (bytes > maxBitmapBytes) return null;
    if (free + bytes <= memory.buffer.byteLength) {
      new Uint8Array(memory.buffer, free, bytes).fill(0);
      return repeated();
    }
  }
  const bitmap = 4 * n;
  const { memory, largest, repeated } = new WebAssembly.Instance(
    new WebAssembly.Module(codeModule(n, 0, bitmap)),
  ).exports as { memory: WebAssembly.Memory; largest: () => number; repeated: () => number };
  new Uint32Array(memory.buffer, 0, n).set(codes);
  const bytes = (largest() >>> 3) + 1;
  if (bytes > maxBitmapBytes) return null;
  memory.grow(Math.ceil((bitmap + bytes) / PAGE) - memory.buffer.byteLength / PAGE);
  return repeated();
}

/**
 * The n codes at byte `codesAt`, the bitmap at byte `bitmap`: largest() the largest code,
 * repeated(). In a memory of its own (exported), or in the memory `imported` describes.
 */
function codeModule(
  n: number,
  codesAt: number,
  bitmap: number,
  imported?: { shared: boolean; pages: number },
): Uint8Array<ArrayBuffer> {
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
        set(code, load32(shl(get(v), i32(2)), codesAt)),
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
        set(c, load32(shl(get(w), i32(2)), codesAt)),
        when(gtU(get(c), get(max)), [set(max, get(c))]),
        set(w, add(get(w), i32(1))),
        br('next'),
      ]),
    ]),
    ret(get(max)),
  ];
  const functions = [exported('largest', M, largest), exported('repeated', L, repeated)];
  if (imported) return assemble(imported.pages, functions, imported);
  return assemble(Math.max(1, Math.ceil(bitmap / PAGE)), functions);
}
