/**
 * Form controls: a labelled field, a select, and a number input that keeps what the user typed
 * while it is invalid (with the error beside it, named for screen readers) and commits only
 * valid values.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';

export function Field({
  label,
  children,
  inline = false,
  id,
}: {
  label: string;
  children: ComponentChildren;
  inline?: boolean;
  /** The control's id (the label's `for`). */
  id: string;
}) {
  return (
    <label for={id} class={inline ? 'field inline' : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

export interface Option<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export function Select<V extends string>({
  label,
  value,
  options,
  onChange,
  testid,
  inline,
  id: givenId,
}: {
  label: string;
  value: V;
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  testid?: string;
  inline?: boolean;
  id?: string;
}) {
  const auto = useId();
  const id = givenId ?? auto;
  return (
    <Field label={label} id={id} inline={inline}>
      <select
        id={id}
        data-testid={testid}
        value={value}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** What a number field's text means: a value (null when empty is allowed) or an error text. */
export type Parsed = { value: number | null } | { error: string };

export function NumberInput({
  label,
  value,
  parse,
  onCommit,
  testid,
  id: givenId,
  min,
  max,
  step,
  disabled,
  placeholder,
  inline,
  title,
}: {
  label: string;
  /** A tooltip: what the field means. */
  title?: string;
  value: number | null;
  parse: (text: string) => Parsed;
  onCommit: (value: number | null) => void;
  testid?: string;
  id?: string;
  min?: number;
  max?: number;
  step?: string;
  disabled?: boolean;
  placeholder?: string;
  inline?: boolean;
}) {
  const auto = useId();
  const id = givenId ?? auto;
  const shown = value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // A new value from outside (a link, a reset) replaces the text unless the user is mid-error.
  useEffect(() => {
    if (error === null) setText(shown);
  }, [shown]);
  const commit = (raw: string) => {
    setText(raw);
    const parsed = parse(raw);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    onCommit(parsed.value);
  };
  return (
    <NumberBox
      id={id}
      label={label}
      title={title}
      inline={inline}
      testid={testid}
      text={text}
      error={error}
      min={min}
      max={max}
      step={step}
      disabled={disabled}
      placeholder={placeholder}
      onChange={commit}
    />
  );
}

/**
 * A number field whose text is state held elsewhere (a form draft, see settings.ts of seed finding
 * and critical mass): what was typed stays on screen whatever it is, and the error the form found
 * for it (if any) is shown beside it. The form decides what the text means, so a half-typed value
 * never replaces a valid one behind the user's back.
 */
export function DraftInput({
  label,
  value,
  error,
  onInput,
  testid,
  min,
  max,
  step,
  disabled,
}: {
  label: string;
  value: string;
  error?: string;
  onInput: (text: string) => void;
  testid: string;
  min?: number;
  max?: number;
  step?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <NumberBox
      id={id}
      label={label}
      testid={testid}
      errorTestid={`${testid}-error`}
      text={value}
      error={error ?? null}
      min={min}
      max={max}
      step={step}
      disabled={disabled}
      onInput={onInput}
    />
  );
}

/** The markup both number fields share: label, input, and the error named for screen readers. */
function NumberBox(props: {
  id: string;
  label: string;
  text: string;
  error: string | null;
  title?: string;
  inline?: boolean;
  testid?: string;
  errorTestid?: string;
  min?: number;
  max?: number;
  step?: string;
  disabled?: boolean;
  placeholder?: string;
  onInput?: (text: string) => void;
  onChange?: (text: string) => void;
}) {
  const { id, onInput, onChange } = props;
  return (
    <label for={id} class={props.inline ? 'field inline' : 'field'} title={props.title}>
      <span>{props.label}</span>
      <input
        id={id}
        type="number"
        data-testid={props.testid}
        value={props.text}
        min={props.min}
        max={props.max}
        step={props.step}
        disabled={props.disabled}
        placeholder={props.placeholder}
        aria-invalid={props.error !== null ? 'true' : undefined}
        aria-describedby={`${id}-error`}
        onInput={onInput ? (e) => onInput((e.currentTarget as HTMLInputElement).value) : undefined}
        onChange={onChange ? (e) => onChange((e.currentTarget as HTMLInputElement).value) : undefined}
      />
      <span class="error" id={`${id}-error`} data-testid={props.errorTestid}>
        {props.error ?? ''}
      </span>
    </label>
  );
}
