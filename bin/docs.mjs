#!/usr/bin/env node
// `npm run docs`: write docs/cli.md from the parameter table and docs/cli/*.md.
import { buildNode } from './build-node.mjs';

const dir = await buildNode();
const { writeDocs } = await import(`${dir}/ripple.mjs`);
console.log(`wrote ${writeDocs()}`);
