// Where the registry of verified households' shops lives in browser.storage.local, one entry per shop
// ("registry:voso:41235"). Its own small module: the background writes the entries (registry.ts) and the content
// script reads them (marketplace/badge.ts), which must not carry the background's download code.
/** Storage key of one shop's entry (the content script reads only this). */
export const registryEntryKey = (shopKey: string) => `registry:${shopKey}`;
