/**
 * Node's native SHA-256 for graph snapshot content hashes (src/graph/snapshot.ts keeps a
 * JavaScript one for other environments; both give the same bytes). Installed by the Node-only
 * modules that decode or encode snapshots.
 */
import { createHash } from 'node:crypto';
import { useSha256 } from '../graph/snapshot.ts';

export function installNodeSha256(): void {
  useSha256((bytes) => createHash('sha256').update(bytes).digest());
}
