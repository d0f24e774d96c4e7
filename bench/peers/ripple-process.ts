/**
 * How the peer benches start Ripple's whole processes: as a user runs it, the `ripple` executable
 * (bin/ripple.cjs through its shebang, package.json's bin), not `node bin/ripple.mjs`. The two differ where
 * NODE_EXTRA_CA_CERTS is set, as on the project's machine: the executable starts Node without it
 * (bin/ripple.cjs says why) and is CommonJS (no ESM loader), which saves Node parsing a certificate bundle at start (about 40 ms).
 * `node -e 0`, with the variable as set, stays the floor the start-up rows are set beside.
 */
import { join } from 'node:path';

/** The executable to spawn, with the command's arguments as they are. */
export const rippleExecutable = (root: string): string => join(root, 'bin', 'ripple.cjs');

/** For the rows' notes. */
export const AS_A_USER_RUNS_IT = 'Ripple run as the `ripple` executable (bin/ripple.cjs)';
