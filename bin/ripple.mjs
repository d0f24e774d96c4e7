#!/usr/bin/env node
// The `ripple` command: bundle the CLI if its sources changed, then run it (bin/build-node.mjs).
import { loadCli } from './build-node.mjs';

const { main, done } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
done();
