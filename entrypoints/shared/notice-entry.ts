import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RecordedNotice } from './messages';

/** The name under which the lazily loaded notice script (entrypoints/notice) leaves its entry point. */
export const NOTICE_ENTRY = '__nongsanSoShowNotice';
export type ShowNotice = (ctx: ContentScriptContext, orders: RecordedNotice[]) => Promise<void>;
/** Where the built notice script is, inside the extension (listed in web_accessible_resources). */
export const NOTICE_SCRIPT = '/notice.js';
