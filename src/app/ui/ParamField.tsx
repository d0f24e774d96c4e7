/**
 * Form fields generated from the parameter table (src/util/param-spec.ts): the label, range,
 * step, unit and help come from the parameter's declaration, and the text is checked with the
 * same rules (and the same error, in the page's language) as the command line's `--flag`. A
 * parameter that may be absent accepts an empty field, shown with what absence means.
 */
import {
  type EnumParam,
  formatParamError,
  type Limits,
  type NumberParam,
  parseParam,
  type Text,
} from '../../util/param-spec.ts';
import { lang } from '../i18n/lang.ts';
import { NumberInput, type Parsed, Select } from './fields.tsx';

/** A text of the table in the page's language. */
export function say(text: Text): string {
  return lang.value.startsWith('zh') ? text.zh : text.en;
}

/** Check a field's text against a parameter: its value (null when empty and allowed) or the error. */
export function parseFor(spec: NumberParam, text: string, limits?: Limits): Parsed {
  if (text.trim() === '' && spec.absent) return { value: null };
  const parsed = parseParam(spec, text, limits);
  if (parsed.ok) return { value: parsed.value };
  return {
    error: formatParamError(parsed.error, lang.value.startsWith('zh') ? 'zh' : 'en', say(spec.label)),
  };
}

export function ParamNumber({
  spec,
  value,
  onCommit,
  id,
  testid,
  disabled,
  limits,
  inline,
}: {
  spec: NumberParam;
  value: number | null;
  onCommit: (value: number | null) => void;
  id?: string;
  testid?: string;
  disabled?: boolean;
  /** Limits narrower than the table's (e.g. k at most the number of accounts). */
  limits?: Limits;
  inline?: boolean;
}) {
  const unit = spec.unit ? ` (${say(spec.unit)})` : '';
  return (
    <NumberInput
      id={id}
      testid={testid ?? `param-${spec.name}`}
      label={`${say(spec.label)}${unit}`}
      title={say(spec.help)}
      value={value}
      min={limits?.min ?? spec.min ?? undefined}
      max={limits?.max ?? spec.max ?? undefined}
      step={String(spec.step)}
      disabled={disabled}
      placeholder={spec.absent ? say(spec.absent) : undefined}
      inline={inline}
      parse={(text) => parseFor(spec, text, limits)}
      onCommit={onCommit}
    />
  );
}

export function ParamSelect<T extends string>({
  spec,
  value,
  onChange,
  testid,
  only,
}: {
  spec: EnumParam<T>;
  value: T;
  onChange: (value: T) => void;
  testid?: string;
  /** Offer only these values. */
  only?: readonly T[];
}) {
  const values = only ? spec.values.filter((v) => only.includes(v.value)) : spec.values;
  return (
    <Select<T>
      label={say(spec.label)}
      testid={testid ?? spec.name}
      value={value}
      options={values.map((v) => ({ value: v.value, label: say(v.label) }))}
      onChange={onChange}
    />
  );
}
