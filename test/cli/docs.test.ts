/**
 * docs/cli.md is generated (`npm run docs`) from the commands' parameter lists and docs/cli/*.md;
 * this regenerates it in memory and fails when the committed file is stale. Every option of every
 * command is documented there and in `--help`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/cli/common/args.ts';
import { buildCliReference, REFERENCE_FILE } from '../../src/cli/docs.ts';
import { COMMANDS } from '../../src/cli/main.ts';
import { ROOT } from '../support/cli.ts';

describe('docs/cli.md', () => {
  it('is what `npm run docs` writes', () => {
    const expected = buildCliReference(COMMANDS, ROOT);
    const committed = readFileSync(join(ROOT, REFERENCE_FILE), 'utf8');
    if (committed !== expected)
      expect.fail(`${REFERENCE_FILE} is stale: run \`npm run docs\` and commit the result`);
  });

  it('documents every command and every option, as --help does', () => {
    const doc = readFileSync(join(ROOT, REFERENCE_FILE), 'utf8');
    for (const [name, command] of Object.entries(COMMANDS)) {
      const section = doc.slice(doc.indexOf(`## \`ripple ${name}\``));
      const help = helpText(name, command);
      for (const option of command.options) {
        expect(section, `${name} --${option.flag}`).toContain(`| \`--${option.flag}`);
        expect(help, `${name} --${option.flag}`).toContain(`--${option.flag}`);
        expect(help).toContain(option.help.en);
      }
    }
  });
});
