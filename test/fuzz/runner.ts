/**
 * The fuzz run itself, in a child process of the test (see loaders.test.ts), so its memory can be
 * measured honestly (the process's peak RSS, typed arrays included) and a hang can be killed.
 * Settings come from the environment: FUZZ_SEED, FUZZ_COUNT, FUZZ_CASE (run that case only),
 * FUZZ_RSS_MB (peak memory allowed). One JSON object per line on stdout: {start} before each case,
 * {fail} for each failure, {summary} at the end.
 */
import { makeCase, prototypeSnapshot, runCase, snapshotChanges } from './cases.ts';

const env = process.env;
const seed = Number(env.FUZZ_SEED ?? 0x5eed2025) >>> 0;
const only = env.FUZZ_CASE !== undefined ? Number(env.FUZZ_CASE) : null;
const count = Number(env.FUZZ_COUNT ?? 2000);
const rssLimitMB = Number(env.FUZZ_RSS_MB ?? 400);

const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const first = only ?? 0;
  const last = only ?? count - 1;
  let loaded = 0;
  let rejected = 0;
  let failures = 0;
  let slowest = { ms: 0, index: -1, label: '' };
  const byKind: Record<string, number> = {};
  const msByKind: Record<string, number> = {};
  const clean = prototypeSnapshot();
  for (let index = first; index <= last; index++) {
    const c = makeCase(seed, index);
    say({ start: index, label: c.label });
    const t = performance.now();
    let problem: string | null;
    try {
      const result = await runCase(c);
      problem = result.problem;
      if (result.outcome === 'loaded') loaded++;
      else rejected++;
    } catch (e) {
      problem = `the fuzz harness itself failed: ${e instanceof Error ? e.stack : String(e)}`;
    }
    const ms = performance.now() - t;
    const changed = snapshotChanges(clean, prototypeSnapshot());
    if (changed.length)
      problem = `built-in prototypes changed: ${changed.join(', ')}${problem ? `; ${problem}` : ''}`;
    const peakMB = process.resourceUsage().maxRSS / 1024;
    if (peakMB > rssLimitMB)
      problem = `peak memory ${Math.round(peakMB)} MB > ${rssLimitMB} MB${problem ? `; ${problem}` : ''}`;
    if (ms > slowest.ms) slowest = { ms: Math.round(ms), index, label: c.label };
    const kind = c.label.split(' ')[0];
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    msByKind[kind] = Math.round((msByKind[kind] ?? 0) + ms);
    if (problem) {
      failures++;
      say({ fail: index, label: c.label, problem });
      if (peakMB > rssLimitMB || changed.length) break; // every later case would fail the same way
    }
  }
  say({
    summary: {
      seed,
      cases: last - first + 1,
      loaded,
      rejected,
      failures,
      slowest,
      byKind,
      msByKind,
      peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
      seconds: +((performance.now() - started) / 1000).toFixed(1),
    },
  });
}

await main();
