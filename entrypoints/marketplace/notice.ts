import { loadLazy } from '../shared/lazy-script';
import type { RecordedNotice } from '../shared/messages';
import type { InPageUi } from '../notice';
import type { Lifetime } from './lifetime';

/**
 * After an order is recorded, a small notice on the page says what was recorded, with "Không tính đơn này".
 * Its UI (the in-page UI script, a shadow root) is loaded only then, keeping this script small on every other page.
 * What to say comes in the background's answer to the reading sent (capture.ts): the page listens for no message.
 */
export function showRecorded(ctx: Lifetime, recorded: RecordedNotice[]): void {
  if (!recorded.length || ctx.isInvalid) return;
  void loadLazy<InPageUi>('notice').then((ui) => ui.showNotice(ctx, recorded));
}
