/**
 * The cluster fuzz run (cluster-cases.ts) in a child process of cluster.test.ts, so its peak
 * memory is measured honestly and a hang can be killed. FUZZ_SEED, FUZZ_COUNT, FUZZ_CASE and
 * FUZZ_RSS_MB as in runner.ts; one JSON object per line: {start}, {fail}, {summary}.
 */
import { prototypeSnapshot, snapshotChanges } from '../support/prototype-watch.ts';
import { clusterCase } from './cluster-cases.ts';

const env = process.env;
const seed = Number(env.FUZZ_SEED ?? 0x5eed2025) >>> 0;
const only = env.FUZZ_CASE !== undefined ? Number(env.FUZZ_CASE) : null;
const count = Number(env.FUZZ_COUNT ?? 2000);
const rssLimitMB = Number(env.FUZZ_RSS_MB ?? 400);
const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

const started = performance.now();
const first = only ?? 0;
const last = only ?? count - 1;
const tally: Record<string, number> = {};
let failures = 0;
let slowest = { ms: 0, index: -1, label: '' };
const clean = prototypeSnapshot();
for (let index = first; index <= last; index++) {
  const c = clusterCase(seed, index);
  say({ start: index, label: c.label });
  const t = performance.now();
  let problem: string | null;
  try {
    const result = c.run();
    problem = result.problem;
    const key = `${c.kind} ${result.outcome}`;
    tally[key] = (tally[key] ?? 0) + 1;
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
  if (problem) {
    failures++;
    say({ fail: index, label: c.label, problem });
    if (peakMB > rssLimitMB || changed.length) break;
  }
}
say({
  summary: {
    seed,
    cases: last - first + 1,
    tally,
    failures,
    slowest,
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    seconds: +((performance.now() - started) / 1000).toFixed(1),
  },
});
