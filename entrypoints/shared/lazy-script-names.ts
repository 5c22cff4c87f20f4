// The scripts the content script loads lazily (lazy-script.ts). No browser API here: wxt.config.ts reads it.
export const lazyScripts = {
  reader: { file: '/reader.js', entry: '__nongsanSoReader' },
  notice: { file: '/notice.js', entry: '__nongsanSoPageUi' },
} as const;
