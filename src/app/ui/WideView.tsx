/**
 * A table (or any wide content) that fits the side panel: shown there in a box that scrolls
 * sideways, with "Open wide view" to see the same content in a dialog as wide as the page.
 * The content is rendered by a function, so both places show the same live state.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './messages.ts';

export function WideView({
  title,
  testid,
  children,
}: {
  title: string;
  testid: string;
  children: (wide: boolean) => ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);
  return (
    <div class="wide-host" data-testid={testid}>
      <div class="row">
        <button type="button" data-testid={`${testid}-open`} onClick={() => setOpen(true)}>
          {t('wide.open')}
        </button>
      </div>
      <div class="table-scroll">{open ? null : children(false)}</div>
      {open ? (
        <dialog
          ref={dialog}
          class="wide-dialog"
          data-testid={`${testid}-dialog`}
          aria-label={title}
          onClose={() => setOpen(false)}
        >
          <div class="wide-head">
            <h2>{title}</h2>
            <button type="button" data-testid={`${testid}-close`} onClick={() => dialog.current?.close()}>
              {t('wide.close')}
            </button>
          </div>
          <div class="table-scroll">{children(true)}</div>
        </dialog>
      ) : null}
    </div>
  );
}
