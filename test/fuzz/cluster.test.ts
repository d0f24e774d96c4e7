/**
 * Fuzzing what a cluster takes from outside (cases in cluster-cases.ts): hostile graph snapshots
 * end as a graph whose invariants hold or one LoadError naming the file; hostile shard payloads
 * as inputs that pass their schema and run, or one clear rejection. Never another exception, a
 * changed built-in prototype, a case over 10 s or more than 300 MB of peak memory.
 *
 * In `npm test`: a fixed seed and a bounded count; `npm run fuzz`: a fresh seed and many more
 * (FUZZ_SEED, FUZZ_COUNT, FUZZ_CASE as in loaders.test.ts).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const long = process.env.FUZZ_LONG === '1';
const seed = Number(process.env.FUZZ_SEED ?? (long ? Date.now() % 2 ** 32 : 0x5eed2026)) >>> 0;
const count = Number(process.env.FUZZ_COUNT ?? (long ? 50_000 : 1500));
const only = process.env.FUZZ_CASE;
const CASE_MS = 10_000;
const RSS_MB = 300;

interface Line {
  start?: number;
  label?: string;
  fail?: number;
  problem?: string;
  summary?: { cases: number; tally: Record<string, number>; failures: number; peakMB: number };
}

it(
  `cluster inputs survive ${only !== undefined ? `case ${only}` : `${count} fuzz cases`} (seed ${seed})`,
  async () => {
    const outfile = join(ROOT, '.cache', 'fuzz', 'cluster-runner.mjs');
    await build({
      entryPoints: [join(ROOT, 'test/fuzz/cluster-runner.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
    const child = spawn(process.execPath, [`--max-old-space-size=${RSS_MB}`, outfile], {
      env: {
        ...process.env,
        FUZZ_SEED: String(seed),
        FUZZ_COUNT: String(count),
        FUZZ_RSS_MB: String(RSS_MB),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Line[] = [];
    let rest = '';
    let stderr = '';
    let lastStart = performance.now();
    let hung = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      const parts = (rest + text).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        const line = JSON.parse(part) as Line;
        if (line.start !== undefined) lastStart = performance.now();
        lines.push(line);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000);
    });
    const watchdog = setInterval(() => {
      if (performance.now() - lastStart > CASE_MS) {
        hung = true;
        child.kill('SIGKILL');
      }
    }, 250);
    const exit = await new Promise<string>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
    );
    clearInterval(watchdog);
    const lastCase = [...lines].reverse().find((l) => l.start !== undefined);
    const failures = lines.filter((l) => l.fail !== undefined);
    if (hung)
      failures.push({
        fail: lastCase?.start,
        label: lastCase?.label,
        problem: `no outcome after ${CASE_MS / 1000} s`,
      });
    const summary = lines.find((l) => l.summary)?.summary;
    if (!summary && !hung)
      failures.push({
        fail: lastCase?.start,
        label: lastCase?.label,
        problem: `the run died (${exit}): ${stderr}`,
      });
    if (summary) console.log(`cluster fuzz: ${JSON.stringify(summary)}`);
    const report = failures
      .slice(0, 5)
      .map(
        (f) =>
          `case ${f.fail} (${f.label}): ${f.problem}\n  replay: FUZZ_SEED=${seed} FUZZ_CASE=${f.fail} npm run fuzz`,
      );
    expect(report, `seed ${seed}`).toEqual([]);
    if (only === undefined && summary) {
      // Every outcome must actually be exercised.
      for (const key of ['snapshot accepted', 'snapshot rejected', 'shard accepted', 'shard rejected'])
        expect(summary.tally[key] ?? 0, key).toBeGreaterThan(count / 40);
      expect(summary.peakMB).toBeLessThanOrEqual(RSS_MB);
    }
  },
  long ? 24 * 3600_000 : 120_000,
);
