#!/usr/bin/env node
// The `ripple` command: bundle the CLI if its sources changed, then run it.
import { buildNode } from './build-node.mjs';

const dir = await buildNode();
const { main } = await import(`${dir}/ripple.mjs`);
process.exitCode = await main(process.argv.slice(2));
