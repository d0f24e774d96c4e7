#!/bin/sh
//bin/sh -c :; if [ -n "$NODE_EXTRA_CA_CERTS" ]; then RIPPLE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS; export RIPPLE_EXTRA_CA_CERTS; unset NODE_EXTRA_CA_CERTS; fi; exec node "$0" "$@"
// The `ripple` executable (package.json's bin): bundle the CLI if its sources changed, then run it
// (bin/load-cli.cjs). CommonJS, because an ES module entry costs Node its ESM loader at start.
//
// Run as an executable (`ripple` once installed or linked, `./bin/ripple.cjs`), this file is first a
// shell script: line 2, a comment to JavaScript, runs a no-op and then moves NODE_EXTRA_CA_CERTS to
// RIPPLE_EXTRA_CA_CERTS before starting Node on this same file. Node 20 parses that certificate file
// at every start (a system bundle of 140 CAs: about 40 ms, most of a small command's start-up), and
// Ripple makes one kind of TLS connection, `--cluster rediss://`, which adds the file's CAs to
// Node's itself (src/cluster/extra-ca.ts). Plain sh rather than `#!/usr/bin/env -S -u ...`: BusyBox's
// env has no -S. `node bin/ripple.cjs` (or bin/ripple.mjs) skips both lines and leaves
// NODE_EXTRA_CA_CERTS to Node.
'use strict';
const { loadCli } = require('./load-cli.cjs');

loadCli().then(async ({ main, done }) => {
  process.exitCode = await main(process.argv.slice(2));
  done();
});
