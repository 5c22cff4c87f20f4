// The scripts the content script loads lazily (lazy-script.ts): each one's entry point on globalThis. Their files are
// named after them, as WXT names an unlisted script after its entrypoint (entrypoints/reader → /reader.js). No
// browser API here: wxt.config.ts reads it.
export const lazyScripts = {
  reader: '__nongsanSoReader',
  notice: '__nongsanSoPageUi',
} as const;
