import type { ComponentChildren } from 'preact';
import { navigate } from '../app';

/**
 * What a chart or list shows when it has nothing yet: why, and the one thing to do about it, as a link to the
 * page where it is done (never a heading over nothing). A link to "#…" (a form on the same page) is left to the
 * browser, which scrolls to it and starts keyboard focus there.
 */
export function EmptyState({ children, action }: { children: ComponentChildren; action?: { href: string; label: string } }) {
  return (
    <div class="dash-empty">
      <p>{children}</p>
      {action && (
        <p>
          <a class="dash-action" href={action.href} onClick={action.href.startsWith('#') ? undefined : (e) => navigate(e, action.href)}>
            {action.label}
          </a>
        </p>
      )}
    </div>
  );
}
