/**
 * Copy a CSR's arrays into SharedArrayBuffers once, so every worker receives a view of the same
 * memory instead of its own copy. Only where SharedArrayBuffer is usable: always in Node, in the
 * browser only when the page is cross-origin isolated.
 */
import type { Csr } from '../graph/types.ts';
import { canShare } from '../util/can-share.ts';

function shared<T extends Uint32Array | Float64Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

export function shareCsr(csr: Csr): Csr {
  if (!canShare()) return csr;
  return {
    ...csr,
    outOffsets: shared(csr.outOffsets),
    outTargets: shared(csr.outTargets),
    inOffsets: shared(csr.inOffsets),
    inSources: shared(csr.inSources),
    outValues: csr.outValues ? shared(csr.outValues) : null,
    inValues: csr.inValues ? shared(csr.inValues) : null,
  };
}
