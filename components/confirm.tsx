import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

/**
 * "Are you sure?" in the page, in place of the button that asked: the question names the group, focus moves to
 * it so a screen reader reads the question and Tab reaches the answer buttons. Used instead of `window.confirm`,
 * which a tablet may block and which cannot say what will happen in more than one line.
 */
export function Confirm(props: {
  question: ComponentChildren;
  /** What the confirmation does, shown under the question (figures, a note field). */
  children?: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  busyLabel?: string;
  /** The confirm button looks like a destructive action (delete, lock, revoke). */
  danger?: boolean;
}) {
  const id = useId();
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => group.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-labelledby={id} tabIndex={-1} ref={group}>
      <p id={id} class="confirm-question">
        {props.question}
      </p>
      {props.children}
      <div class="actions">
        <button type="button" class={props.danger ? 'danger' : 'primary'} disabled={props.busy} onClick={props.onConfirm}>
          {props.busy && props.busyLabel ? props.busyLabel : props.confirmLabel}
        </button>
        <button type="button" class="secondary" disabled={props.busy} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </div>
  );
}
