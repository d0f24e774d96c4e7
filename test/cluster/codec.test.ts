/**
 * The pieces of the cluster protocol that need no Redis: the payload codec (every value a job
 * takes or returns comes back bit for bit; hostile text is refused), the Redis URL (passwords
 * and TLS; the password never shown), and the shard envelope check.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodePayload, encodePayload, PayloadDecodeError } from '../../src/cluster/codec.ts';
import { shardDataProblem } from '../../src/cluster/protocol.ts';
import { parseRedisUrl, redisOptions } from '../../src/cluster/url.ts';
import { OptionError } from '../../src/diffusion/defaults.ts';
import { ROOT } from '../support/cli.ts';

describe('payload codec', () => {
  it('round-trips typed arrays, nested objects and the numbers JSON cannot hold', () => {
    const value = {
      sizes: Uint32Array.of(0, 1, 0xffffffff),
      parents: Int32Array.of(-1, 5),
      hops: Float64Array.of(0.1, Number.NaN, -0, Number.POSITIVE_INFINITY, 2 ** -1074),
      bytes: Uint8Array.of(255),
      trace: { nodes: new Uint32Array(0), run: 3 },
      list: [1, -0, Number.NEGATIVE_INFINITY, Number.NaN, null, 'x', { $weird: true }],
      none: null,
    };
    const back = decodePayload(encodePayload(value), 1e6) as typeof value;
    expect(back.sizes).toEqual(value.sizes);
    expect(back.sizes).toBeInstanceOf(Uint32Array);
    expect(back.parents).toBeInstanceOf(Int32Array);
    expect(Array.from(back.hops).map((x) => (Object.is(x, -0) ? '-0' : String(x)))).toEqual([
      '0.1',
      'NaN',
      '-0',
      'Infinity',
      String(2 ** -1074),
    ]);
    expect(back.trace.nodes).toEqual(new Uint32Array(0));
    expect(Object.is(back.list[1], -0)).toBe(true);
    expect(back.list.slice(2)).toEqual([Number.NEGATIVE_INFINITY, Number.NaN, null, 'x', { $weird: true }]);
    // A view into a larger buffer encodes only its own bytes.
    const big = new Uint32Array(10).fill(7);
    expect(decodePayload(encodePayload(big.subarray(2, 4)), 1e6)).toEqual(Uint32Array.of(7, 7));
  });

  it('refuses what it cannot encode', () => {
    expect(() => encodePayload({ f: () => 1 })).toThrow(/cannot encode a function/);
    expect(() => encodePayload(new Uint16Array(2))).toThrow(/cannot encode a Uint16Array/);
    expect(() => encodePayload(1n)).toThrow(/cannot encode a bigint/);
  });

  it('refuses hostile text with one PayloadDecodeError', () => {
    const bad: [unknown, RegExp][] = [
      [42, /not text/],
      ['x'.repeat(101), /101 characters, more than 100/],
      ['{', /not valid JSON/],
      ['{"$t":"u32","b":"AAA"}', /a u32 array in the payload has 2 bytes/],
      ['{"$t":"Function","b":""}', /malformed/],
      ['{"$t":"u32","b":"AAAA","x":1}', /malformed/],
      ['{"$t":"u32","b":"!!!!"}', /not base64/],
      ['{"$n":"1e999"}', /malformed/],
      ['{"__proto__":{"polluted":true}}', /__proto__/],
      [`${'['.repeat(40)}${']'.repeat(40)}`, /deeper than 32/],
    ];
    for (const [text, message] of bad) {
      expect(() => decodePayload(text, 100), String(text)).toThrow(PayloadDecodeError);
      expect(() => decodePayload(text, 100), String(text)).toThrow(message);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('redis URL', () => {
  it('reads host, port, password, database and TLS; shows no password', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380')).toMatchObject({
      host: '10.0.0.5',
      port: 6380,
      password: null,
      tls: false,
      display: 'redis://10.0.0.5:6380',
    });
    const secret = parseRedisUrl('rediss://:p%40ss%20w@cache.internal/2');
    expect(secret).toMatchObject({
      host: 'cache.internal',
      port: 6379,
      password: 'p@ss w',
      db: 2,
      tls: true,
    });
    expect(secret.display).toBe('rediss://:***@cache.internal/2');
    expect(redisOptions(secret)).toEqual({
      host: 'cache.internal',
      port: 6379,
      db: 2,
      password: 'p@ss w',
      tls: { servername: 'cache.internal' },
    });
    // No SNI for an IP address (RFC 6066); the certificate is still checked.
    expect(redisOptions(parseRedisUrl('rediss://127.0.0.1:6380')).tls).toEqual({});
    expect(parseRedisUrl('redis://ripple:pw@[::1]:7000')).toMatchObject({
      host: '::1',
      username: 'ripple',
      password: 'pw',
      display: 'redis://ripple:***@[::1]:7000',
    });
  });

  it('refuses other URLs with a message that names --cluster and hides the password', () => {
    for (const [url, message] of [
      ['localhost:6379', /unknown scheme 'localhost:'/],
      ['http://x:1', /unknown scheme 'http:'/],
      ['redis://', /not a URL|no host/],
      ['redis://h:1/x', /'\/x' is not a database number/],
      ['redis://h:1?tls=1', /no query/],
      ['not a url :secret@', /not a URL/],
    ] as const) {
      expect(() => parseRedisUrl(url), url).toThrow(OptionError);
      expect(() => parseRedisUrl(url), url).toThrow(message);
    }
    expect(() => parseRedisUrl('redis//:topsecret@h')).toThrow(
      /^--cluster: 'redis\/\/:\*\*\*@h' is not a URL/,
    );
  });
});

describe('RIPPLE_EXTRA_CA_CERTS (the executable hands NODE_EXTRA_CA_CERTS over; src/cluster/extra-ca.ts)', () => {
  /** redisOptions' TLS options with the variable set to `file`, and the warnings emitted. */
  const tlsWith = (file: string, url = 'rediss://localhost:6380') => {
    const before = process.env.RIPPLE_EXTRA_CA_CERTS;
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    process.env.RIPPLE_EXTRA_CA_CERTS = file;
    try {
      const tls = redisOptions(parseRedisUrl(url)).tls as { servername?: string; secureContext?: object };
      return { tls, warnings: warnings.mock.calls.map((c) => String(c[0])) };
    } finally {
      warnings.mockRestore();
      if (before === undefined) delete process.env.RIPPLE_EXTRA_CA_CERTS;
      else process.env.RIPPLE_EXTRA_CA_CERTS = before;
    }
  };

  it("adds the file's CAs to rediss connections, in one TLS context per process", () => {
    const ca = join(ROOT, 'test/fixtures/tls/localhost.crt');
    const first = tlsWith(ca);
    expect(first.warnings).toEqual([]);
    expect(first.tls.servername).toBe('localhost');
    expect(first.tls.secureContext).toBeInstanceOf(Object);
    expect(tlsWith(ca, 'rediss://127.0.0.1:6380').tls.secureContext).toBe(first.tls.secureContext);
    expect(redisOptions(parseRedisUrl('redis://localhost:6379')).tls).toBeUndefined();
  });

  it('ignores a file it cannot read, with a warning naming it, as Node does', () => {
    const missing = join(ROOT, 'test/fixtures/tls/no-such-ca.pem');
    const { tls, warnings } = tlsWith(missing);
    expect(tls).toEqual({ servername: 'localhost' });
    expect(warnings).toEqual([expect.stringContaining(`Ignoring extra certs from \`${missing}\``)]);
  });
});

describe('shard envelope', () => {
  const good = {
    v: 1,
    run: 'ab12-3',
    shard: 2,
    of: 4,
    graph: 'f'.repeat(32),
    kind: 'rrSets',
    units: 1,
    input: '[]',
  };
  it('accepts a shard of a shardable kind and names what is wrong otherwise', () => {
    expect(shardDataProblem(good)).toBeNull();
    expect(shardDataProblem({ ...good, kind: 'maxCoverage' })).toMatch(/unknown job kind 'maxCoverage'/);
    expect(shardDataProblem({ ...good, kind: 'toString' })).toMatch(/unknown job kind 'toString'/);
    expect(shardDataProblem({ ...good, shard: 4 })).toMatch(/shard is not an index below of/);
    expect(shardDataProblem({ ...good, v: 2 })).toMatch(/protocol version 2/);
    expect(shardDataProblem({ ...good, run: 'A:B' })).toMatch(/run is not a run id/);
    expect(shardDataProblem({ ...good, graph: '../x' })).toMatch(/not a snapshot hash/);
    expect(shardDataProblem([])).toMatch(/not an object/);
  });
});
