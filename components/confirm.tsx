import type { ComponentChildren } from 'preact';

// A stable ref callback: Preact calls it once when the box appears (and with null when it goes), not per render.
const focusOnMount = (el: HTMLElement | null) => el?.focus();

/**
 * "Are you sure?" in the page, in place of the button that asked. A fieldset whose legend is the question, so it
 * is a group named by the question; focus moves to it so a screen reader reads the question and Tab reaches the
 * answers. Used instead of `window.confirm`, which cannot say in more than one line what will happen.
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
  return (
    <fieldset class="confirm" tabIndex={-1} ref={focusOnMount}>
      <legend>{props.question}</legend>
      {props.children}
      <div class="actions">
        <button type="button" class={props.danger ? 'danger' : 'primary'} disabled={props.busy} onClick={props.onConfirm}>
          {props.busy && props.busyLabel ? props.busyLabel : props.confirmLabel}
        </button>
        <button type="button" class="secondary" disabled={props.busy} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </fieldset>
  );
}
