/**
 * How the edge-list readers code an id, the same in the JS loops (edge-list.ts) and the compiled
 * ones (integer-pairs-wasm.ts, string-pairs-wasm.ts): a canonical integer id by its value, at most
 * MAX_CANONICAL; any other by its bytes' FNV-1a hash in an id table.
 */

/** Canonical integer ids are at most this (2^31 - 1); larger ones are read as text. */
export const MAX_CANONICAL = 2 ** 31 - 1;
/** An id with more digits than this prefix, times 10, is more than MAX_CANONICAL. */
export const LAST_PREFIX = Math.floor(MAX_CANONICAL / 10);
/** FNV-1a's offset basis (as a signed 32-bit value) and prime. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;
