/**
 * Fuzzing the loaders and scenario links (cases in cases.ts, inputs in generators.ts): every case
 * ends with a graph or one clear error, never another exception, never a change to a built-in
 * prototype, the same outcome streamed in random chunks as given whole, no case over 10 s and no
 * more than 400 MB of peak memory for the whole run (measured as the child process's peak RSS).
 *
 * In `npm test`: a fixed seed and a bounded count. `npm run fuzz`: a fresh seed and many more
 * cases (FUZZ_SEED, FUZZ_COUNT override both). A failure prints the seed and case number; replay
 * it with FUZZ_SEED=<seed> FUZZ_CASE=<n> npm run fuzz.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const long = process.env.FUZZ_LONG === '1';
const seed = Number(process.env.FUZZ_SEED ?? (long ? Date.now() % 2 ** 32 : 0x5eed2025)) >>> 0;
const count = Number(process.env.FUZZ_COUNT ?? (long ? 50_000 : 1000));
const only = process.env.FUZZ_CASE;
const CASE_MS = 10_000;
const RSS_MB = 400;

interface Line {
  start?: number;
  label?: string;
  fail?: number;
  problem?: string;
  summary?: {
    seed: number;
    cases: number;
    loaded: number;
    rejected: number;
    failures: number;
    slowest: { ms: number; index: number; label: string };
    byKind: Record<string, number>;
    peakMB: number;
    seconds: number;
  };
}

/** Bundle the runner (Node cannot run TypeScript directly) and run it, killing it on a hang. */
async function runFuzz(): Promise<{ lines: Line[]; exit: string }> {
  const outfile = join(ROOT, '.cache', 'fuzz', 'runner.mjs');
  await build({
    entryPoints: [join(ROOT, 'test/fuzz/runner.ts')],
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
    env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_COUNT: String(count), FUZZ_RSS_MB: String(RSS_MB) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  let rest = '';
  let stderr = '';
  let lastStart = performance.now();
  let hung: Line | null = null;
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
      hung = [...lines].reverse().find((l) => l.start !== undefined) ?? null;
      child.kill('SIGKILL');
    }
  }, 250);
  const exit = await new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
  });
  clearInterval(watchdog);
  if (hung) {
    const h = hung as Line;
    lines.push({ fail: h.start, label: h.label, problem: `no outcome after ${CASE_MS / 1000} s (killed)` });
  } else if (!lines.some((l) => l.summary)) {
    const last = [...lines].reverse().find((l) => l.start !== undefined);
    lines.push({
      fail: last?.start,
      label: last?.label,
      problem: `the run died (${exit}): ${stderr.trim()}`,
    });
  }
  return { lines, exit };
}

it(
  `loaders and links survive ${only !== undefined ? `case ${only}` : `${count} fuzz cases`} (seed ${seed})`,
  async () => {
    const { lines } = await runFuzz();
    const failures = lines.filter((l) => l.fail !== undefined);
    const summary = lines.find((l) => l.summary)?.summary;
    if (summary) console.log(`fuzz: ${JSON.stringify(summary)}`);
    const report = failures
      .slice(0, 5)
      .map(
        (f) =>
          `case ${f.fail} (${f.label}): ${f.problem}\n  replay: FUZZ_SEED=${seed} FUZZ_CASE=${f.fail} npm run fuzz`,
      );
    expect(report, `seed ${seed}`).toEqual([]);
    if (only === undefined && summary) {
      // Both outcomes must actually be exercised.
      expect(summary.loaded).toBeGreaterThan(summary.cases / 10);
      expect(summary.rejected).toBeGreaterThan(summary.cases / 4);
      expect(summary.peakMB).toBeLessThanOrEqual(RSS_MB);
    }
  },
  long ? 24 * 3600_000 : 120_000,
);
