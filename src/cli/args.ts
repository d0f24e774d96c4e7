/**
 * Command-line options: each command declares its options as data (name, kind, help), and one
 * parser reads `--name value`, `--name=value` and flags, rejecting unknown or repeated options
 * with a message that names them.
 */

export type OptionKind = 'string' | 'number' | 'integer' | 'flag';

export interface OptionSpec {
  name: string;
  kind: OptionKind;
  help: string;
  /** Shown as the value placeholder in help. */
  value?: string;
  default?: string;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type ParsedOptions = Record<string, string | number | boolean | undefined>;

export function parseOptions(argv: string[], specs: OptionSpec[], command: string): ParsedOptions {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: ParsedOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--'))
      throw new UsageError(`${command}: unexpected argument '${arg}' (options start with --)`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const spec = byName.get(name);
    if (!spec) {
      throw new UsageError(
        `${command}: unknown option --${name} (known: ${specs.map((s) => `--${s.name}`).join(' ')})`,
      );
    }
    if (name in out) throw new UsageError(`${command}: --${name} given twice`);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`${command}: --${name} takes no value`);
      out[name] = true;
      continue;
    }
    let raw: string;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length)
        throw new UsageError(`${command}: --${name} needs a value${spec.value ? ` (${spec.value})` : ''}`);
      raw = argv[++i];
    }
    out[name] = convert(raw, spec, command);
  }
  return out;
}

function convert(raw: string, spec: OptionSpec, command: string): string | number {
  if (spec.kind === 'string') return raw;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`${command}: --${spec.name} expects a number, got '${raw}'`);
  }
  if (spec.kind === 'integer' && !Number.isInteger(value)) {
    throw new UsageError(`${command}: --${spec.name} expects a whole number, got '${raw}'`);
  }
  return value;
}

export function helpText(command: string, summary: string, specs: OptionSpec[]): string {
  const rows = specs.map((s) => {
    const left = `  --${s.name}${s.kind === 'flag' ? '' : ` ${s.value ?? s.kind.toUpperCase()}`}`;
    const def = s.default !== undefined ? ` [default: ${s.default}]` : '';
    return `${left.padEnd(34)} ${s.help}${def}`;
  });
  return `${command}: ${summary}\n\nOptions:\n${rows.join('\n')}\n`;
}
