/**
 * The private CAs of `rediss://` connections when the `ripple` executable started Node without
 * NODE_EXTRA_CA_CERTS (bin/ripple.cjs hands the file over as RIPPLE_EXTRA_CA_CERTS, because Node
 * would parse it at every start though only this connection needs it): the file's certificates
 * beside Node's own, as NODE_EXTRA_CA_CERTS would have added them.
 *
 * The TLS context is built once per process and shared by every connection (BullMQ opens several),
 * since building it parses every certificate again. An unreadable file is ignored with a warning,
 * as Node does for NODE_EXTRA_CA_CERTS; the server's certificate is then checked against Node's
 * CAs alone.
 */
import { readFileSync } from 'node:fs';
import tls, { type SecureContext } from 'node:tls';

/** The variable bin/ripple.cjs moves NODE_EXTRA_CA_CERTS to. */
export const EXTRA_CA_VARIABLE = 'RIPPLE_EXTRA_CA_CERTS';

let cached: { file: string; context: SecureContext | null } | null = null;

/** TLS options adding RIPPLE_EXTRA_CA_CERTS's CAs to Node's; none when it is unset or empty. */
export function extraCaOptions(): { secureContext?: SecureContext } {
  const file = process.env[EXTRA_CA_VARIABLE];
  if (!file) return {};
  if (cached?.file !== file) cached = { file, context: secureContextWith(file) };
  return cached.context ? { secureContext: cached.context } : {};
}

function secureContextWith(file: string): SecureContext | null {
  try {
    return tls.createSecureContext({ ca: [...tls.rootCertificates, readFileSync(file, 'latin1')] });
  } catch (e) {
    process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${(e as Error).message}`);
    return null;
  }
}
