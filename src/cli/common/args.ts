/**
 * Command-line options from the parameter table (src/all-params.ts): each command lists the
 * table's parameters it takes, and one parser reads `--name value`, `--name=value` and flags,
 * checks every value against its declaration (type, range, enum) and rejects unknown or repeated
 * options with a message that names them. The help text and docs/cli.md come from the same lists.
 */
import {
  formatParamError,
  type ParamError,
  type ParamSpec,
  parseParam,
  rangeText,
  requiredError,
  type ValueOf,
} from '../../util/param-spec.ts';
import type { CommandContext } from './context.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A value that broke its parameter's declaration; the message is the English one-liner. */
export class ParamUsageError extends UsageError {
  constructor(readonly error: ParamError) {
    super(formatParamError(error, 'en'));
  }
}

export interface Command {
  summary: string;
  /** Usage line after `ripple NAME`, e.g. `--graph FILE --seeds LIST [options]`. */
  usage: string;
  options: readonly ParamSpec[];
  examples?: readonly string[];
  run(options: ParsedOptions, ctx: CommandContext): Promise<void>;
}

/** A command's options as given, read through the command's own declarations. */
export class ParsedOptions {
  constructor(
    private readonly specs: ReadonlyMap<string, ParamSpec>,
    private readonly values: ReadonlyMap<string, unknown>,
  ) {}

  private own(spec: ParamSpec): ParamSpec {
    const own = this.specs.get(spec.name);
    if (!own) throw new Error(`option '${spec.name}' is not declared by this command`);
    return own;
  }

  /** Whether the option was given. */
  has(spec: ParamSpec): boolean {
    this.own(spec);
    return this.values.has(spec.name);
  }

  /** The value given, or undefined. */
  given<S extends ParamSpec>(spec: S): ValueOf<S> | undefined {
    this.own(spec);
    return this.values.get(spec.name) as ValueOf<S> | undefined;
  }

  /** The value given, else the command's default (undefined when it has none). */
  get<S extends ParamSpec>(spec: S): ValueOf<S> | undefined {
    const value = this.given(spec);
    if (value !== undefined) return value;
    const fallback = this.own(spec).default;
    return (fallback === null ? undefined : fallback) as ValueOf<S> | undefined;
  }

  /** The value given or defaulted; a UsageError naming the option when there is neither. */
  need<S extends ParamSpec>(spec: S): ValueOf<S> {
    const value = this.get(spec);
    if (value === undefined) {
      const own = this.own(spec);
      if (own.flag === undefined) throw new ParamUsageError(requiredError(own));
      throw new UsageError(`--${own.flag}${own.type === 'flag' ? '' : ` ${metavar(own)}`} is required`);
    }
    return value;
  }

  /** Flags of the options given, in the order declared (for "only with" checks). */
  givenOf(specs: readonly ParamSpec[]): ParamSpec[] {
    return specs.filter((s) => this.values.has(s.name));
  }
}

export function parseOptions(argv: readonly string[], specs: readonly ParamSpec[]): ParsedOptions {
  const byFlag = new Map<string, ParamSpec>();
  for (const s of specs) if (s.flag !== undefined) byFlag.set(s.flag, s);
  const values = new Map<string, unknown>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}' (options start with --)`);
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const spec = byFlag.get(flag);
    if (!spec) {
      throw new UsageError(
        `unknown option --${flag} (known: ${[...byFlag.keys()].map((f) => `--${f}`).join(' ')})`,
      );
    }
    if (values.has(spec.name)) throw new UsageError(`--${flag} given twice`);
    if (spec.type === 'flag') {
      if (eq >= 0) throw new UsageError(`--${flag} takes no value`);
      values.set(spec.name, true);
      continue;
    }
    let raw: string;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`--${flag} needs a value (${metavar(spec)})`);
      raw = argv[++i];
    }
    const parsed = parseParam(spec, raw);
    if (!parsed.ok) throw new ParamUsageError(parsed.error);
    values.set(spec.name, parsed.value);
  }
  return new ParsedOptions(new Map(specs.map((s) => [s.name, s])), values);
}

/** The value placeholder: the enum's values, else the declared metavar or the type. */
export function metavar(spec: ParamSpec): string {
  if (spec.type === 'enum') return spec.values.map((v) => v.value).join('|');
  return spec.metavar ?? spec.type.toUpperCase();
}

/** The type as docs show it. */
export function typeText(spec: ParamSpec): string {
  if (spec.type === 'enum') return spec.values.map((v) => `\`${v.value}\``).join(', ');
  if (spec.type === 'string') return 'text';
  return spec.type;
}

/** The default as docs and help show it ('' when there is none to show). */
export function defaultText(spec: ParamSpec): string {
  if (spec.required) return 'required';
  if (spec.type === 'flag') return '';
  const value = spec.default === null ? '' : String(spec.default);
  const absent = spec.absent?.en ?? '';
  return value && absent ? `${value}; ${absent}` : value || absent;
}

export function helpText(name: string, command: Command): string {
  const rows = command.options.map((s) => {
    const left = `  --${s.flag}${s.type === 'flag' ? '' : ` ${metavar(s)}`}`;
    const range = s.type === 'enum' ? '' : rangeText(s);
    const def = defaultText(s);
    const notes = [range && `range ${range}`, def && (def === 'required' ? 'required' : `default: ${def}`)]
      .filter(Boolean)
      .join('; ');
    const tail = `${s.help.en}${notes ? ` [${notes}]` : ''}`;
    return left.length >= 34 ? `${left}\n${' '.repeat(35)}${tail}` : `${left.padEnd(34)} ${tail}`;
  });
  const examples = command.examples?.length
    ? `\nExamples:\n${command.examples.map((e) => `  ${e}`).join('\n')}\n`
    : '';
  return `ripple ${name}: ${command.summary}\n\nUsage: ripple ${name} ${command.usage}\n\nOptions:\n${rows.join('\n')}\n${examples}`;
}
