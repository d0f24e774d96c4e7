/**
 * The Redis a cluster runs on, from `--cluster URL`: redis://[[USER]:PASSWORD@]HOST[:PORT][/DB],
 * or rediss:// for TLS (the server's certificate is checked against Node's CAs, plus
 * NODE_EXTRA_CA_CERTS, which the `ripple` executable passes on as RIPPLE_EXTRA_CA_CERTS:
 * extra-ca.ts). Messages show the URL with the password hidden.
 */
import { isIP } from 'node:net';
import { OptionError } from '../diffusion/defaults.ts';
import { extraCaOptions } from './extra-ca.ts';

export interface RedisTarget {
  host: string;
  port: number;
  username: string | null;
  password: string | null;
  db: number;
  tls: boolean;
  /** The URL as messages show it: the password replaced by ***. */
  display: string;
}

export const DEFAULT_REDIS_PORT = 6379;

export function parseRedisUrl(text: string): RedisTarget {
  const bad = (problem: string) =>
    new OptionError(`--cluster: ${problem}; expected redis://[:PASSWORD@]HOST:PORT (or rediss:// for TLS)`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad(`'${hidePassword(text)}' is not a URL`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw bad(`unknown scheme '${url.protocol}'`);
  if (url.hostname === '') throw bad('no host');
  if (url.search !== '' || url.hash !== '') throw bad('no query or fragment is allowed');
  const port = url.port === '' ? DEFAULT_REDIS_PORT : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path)) throw bad(`'/${path}' is not a database number`);
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw bad('the user or password is not valid percent-encoding');
    }
  };
  const password = url.password === '' ? null : decode(url.password);
  const username = url.username === '' ? null : decode(url.username);
  // IPv6 hosts come bracketed.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const auth =
    username !== null || password !== null ? `${url.username}${password !== null ? ':***' : ''}@` : '';
  return {
    host,
    port,
    username,
    password,
    db: path === '' ? 0 : Number(path),
    tls: url.protocol === 'rediss:',
    display: `${url.protocol}//${auth}${url.host}${path === '' ? '' : `/${path}`}`,
  };
}

/** The text with anything between "//" and "@" that looks like a password hidden. */
function hidePassword(text: string): string {
  return text.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
}

/** Connection options for ioredis (and BullMQ, which hands them to ioredis). */
export function redisOptions(target: RedisTarget): Record<string, unknown> {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.username !== null ? { username: target.username } : {}),
    ...(target.password !== null ? { password: target.password } : {}),
    // SNI names hosts, never IP addresses (RFC 6066); the certificate is checked either way.
    ...(target.tls
      ? { tls: { ...(isIP(target.host) ? {} : { servername: target.host }), ...extraCaOptions() } }
      : {}),
  };
}
