/**
 * A file opened with a button or dropped on the box, written once for every panel that reads a
 * user's file (costs, cascade logs, groups). The box is highlighted while a file is dragged over
 * it; a drop or a choice hands the first file to `onFile`, and the input is cleared so choosing
 * the same file again (after fixing it) opens it again.
 */
import { useState } from 'preact/hooks';

export interface FileDropProps {
  /** The box's class; `over` is added while a file is dragged over it. */
  class: string;
  /** The button's text, and the box's accessible name unless `label` gives one. */
  choose: string;
  label?: string;
  /** The line under the button (say that a file can be dropped here). */
  hint: string;
  /** The input's accept list. */
  accept: string;
  /** Test ids of the box and of the file input. */
  testid: string;
  inputTestid: string;
  onFile: (file: File) => void;
}

export function FileDrop(props: FileDropProps) {
  const [over, setOver] = useState(false);
  return (
    <section
      class={`${props.class}${over ? ' over' : ''}`}
      aria-label={props.label ?? props.choose}
      data-testid={props.testid}
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        const dropped = e.dataTransfer?.files?.[0];
        if (dropped) props.onFile(dropped);
      }}
    >
      <label class="field">
        <span>{props.choose}</span>
        <input
          type="file"
          accept={props.accept}
          data-testid={props.inputTestid}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const chosen = input.files?.[0];
            input.value = '';
            if (chosen) props.onFile(chosen);
          }}
        />
      </label>
      <p class="hint">{props.hint}</p>
    </section>
  );
}
