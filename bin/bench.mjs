#!/usr/bin/env node
// `npm run bench`: bundle, then run the benchmark with a larger heap for the 10M-arc graph.
import { spawnSync } from 'node:child_process';
import { buildNode } from './build-node.mjs';

const dir = await buildNode();
const r = spawnSync(
  process.execPath,
  ['--max-old-space-size=4096', `${dir}/bench.mjs`, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exitCode = r.status ?? 1;
