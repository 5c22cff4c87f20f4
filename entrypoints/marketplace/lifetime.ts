// When a copy of the content script must stop. An extension update leaves the old copy in the open tabs: Chromium keeps
// it running with a dead extension API (`runtime.id` undefined); Firefox puts the new copy into those tabs beside it.
// WXT's ContentScriptContext covers both, but it touches the extension API on every page (its event names hold
// `runtime.id`, computed when its module loads), and most marketplace pages need no extension at all. This does the
// same two things without it: a newer copy announces itself with a DOM event on the document, which stops the older;
// and once a page needs the extension, a copy whose extension is gone stops there (extension-api.ts).
import { extensionGone } from './extension-api';

/** Fired on the document by each copy as it starts. (A page's own script could fire it too: it would only stop this copy.) */
const STARTED = 'nongsan-so:content-script-started';

export interface Lifetime {
  /** This copy must stop: a newer copy started in the page, or its extension is gone (extension-api.ts `extensionGone`). */
  readonly isInvalid: boolean;
  /** `cb` runs when this copy stops (its UI leaves the page); the returned function removes it. */
  onInvalidated(cb: () => void): () => void;
}

/**
 * Announces this copy and listens for the next one. Plain callbacks and a plain Event: each kind of DOM object a
 * content script first touches costs it its interface's set-up in its isolated world (AbortController, CustomEvent).
 */
export function startLifetime(): Lifetime {
  let stopped = false;
  const callbacks = new Set<() => void>();
  const stop = () => {
    if (stopped) return;
    stopped = true;
    document.removeEventListener(STARTED, stop);
    for (const cb of callbacks) cb();
  };
  document.dispatchEvent(new Event(STARTED));
  // Registered after this copy's own announcement, so only a later copy's reaches it.
  document.addEventListener(STARTED, stop);
  return {
    get isInvalid() {
      if (!stopped && extensionGone()) stop();
      return stopped;
    },
    onInvalidated(cb) {
      callbacks.add(cb);
      return () => callbacks.delete(cb);
    },
  };
}

