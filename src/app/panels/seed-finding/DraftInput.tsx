/**
 * A number field whose text is state (a form draft): what was typed stays on screen whatever it
 * is, and the error the form found for it (if any) is shown beside it and named for screen
 * readers. The form decides what the text means (settings.ts), so a half-typed value never
 * replaces a valid one behind the user's back.
 */
import { useId } from 'preact/hooks';

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
    <label for={id} class="field">
      <span>{label}</span>
      <input
        id={id}
        type="number"
        data-testid={testid}
        value={value}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-error`}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      <span class="error" id={`${id}-error`} data-testid={`${testid}-error`}>
        {error ?? ''}
      </span>
    </label>
  );
}
