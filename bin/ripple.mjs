#!/bin/sh
//bin/sh -c :; if [ -n "$NODE_EXTRA_CA_CERTS" ]; then RIPPLE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS; export RIPPLE_EXTRA_CA_CERTS; unset NODE_EXTRA_CA_CERTS; fi; exec node "$0" "$@"
// `node bin/ripple.mjs`, as earlier versions were run: the `ripple` command, bin/ripple.cjs (whose
// header explains the two lines above, which make this file an executable too).
import './ripple.cjs';
