/**
 * A throwaway Redis for the cluster tests: Debian's redis-server on a free loopback port, no
 * persistence, in its own process group, stopped by its PID. `npm test` installs redis-server
 * when it is missing (bin/test.mjs); REDIS_SERVER names another binary.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export const redisAvailable = () => existsSync(REDIS_SERVER);

export interface TestRedis {
  port: number;
  url: string;
  /** Stop the server (SIGTERM to its PID); resolves when it has exited. */
  stop(): Promise<void>;
  /** Stop it at once, as a crash would (SIGKILL). */
  kill(): Promise<void>;
  readonly process: ChildProcess;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start redis-server; resolves once it accepts connections. `password` adds --requirepass; `port`
 * reuses a port (a restart); `tls` serves TLS only, with that certificate and key (rediss:// URL).
 */
export async function startRedis(
  options: { password?: string; port?: number; tls?: { cert: string; key: string } } = {},
): Promise<TestRedis> {
  const port = options.port ?? (await freePort());
  const listen = options.tls
    ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', options.tls.cert]
    : ['--port', String(port)];
  if (options.tls) listen.push('--tls-key-file', options.tls.key, '--tls-auth-clients', 'no');
  const args = [...listen, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  if (options.password) args.push('--requirepass', options.password);
  const child = spawn(REDIS_SERVER, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start on port ${port}: ${output}`)),
      10_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}: ${output}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, name);
    await exited;
  };
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return {
    port,
    url: `${options.tls ? 'rediss' : 'redis'}://${auth}127.0.0.1:${port}`,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    process: child,
  };
}
