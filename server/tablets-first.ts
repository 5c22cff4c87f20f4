/**
 * A commune tablet's batch of households goes ahead of order submissions that come while it is stored.
 *
 * On deadline day both arrive at once (bench/load.ts: 200 tablets' batches of 50 households beside 200 order
 * submissions in flight). Sharing the collector's one thread evenly, every order started during the tablets' burst
 * ran as slowly as the burst lasted (several seconds, hundreds of orders), and the tablets' batches took longer
 * too. An order is sent in the background by the extension's outbox, nobody watches it; a batch is a commune
 * officer at a tablet with the household in front of them. So while a batch is being stored an order submission
 * that comes waits, in the order they came, until no batch is left or it has waited `maxWaitMs`: a stream of
 * batches that never ends delays orders by that much, it never stops them. Orders already started go on.
 */
export function tabletsFirst(maxWaitMs: number) {
  /** Batches being stored now. */
  let batches = 0;
  const held: { resolve: () => void; timer: NodeJS.Timeout }[] = [];

  const releaseAll = () => {
    for (const h of held.splice(0)) {
      clearTimeout(h.timer);
      h.resolve();
    }
  };

  return {
    /** Runs a tablet's batch; orders coming meanwhile wait for it. */
    async batch<T>(work: () => T | Promise<T>): Promise<T> {
      batches++;
      try {
        return await work();
      } finally {
        if (--batches === 0) releaseAll();
      }
    },
    /** Resolves when an order submission may start: at once unless a batch is being stored. */
    order(): Promise<void> | void {
      if (!batches) return;
      return new Promise<void>((resolve) => {
        // Only the longest waiter's timer ever fires (releasing clears the others): it lets everyone held go, so
        // those behind it wait less than it did.
        held.push({ resolve, timer: setTimeout(releaseAll, maxWaitMs) });
      });
    },
    /** Order submissions waiting for batches. */
    get held() {
      return held.length;
    },
  };
}

/** Which side of the rule a request is on, told apart before the app routes it (method and URL only). */
export function waitsFor(method: string, url: string): 'tablet batch' | 'order' | null {
  if (method !== 'POST') return null;
  const path = pathOf(url);
  return path === '/api/kiosk/households' ? 'tablet batch' : path === '/api/staff/orders' ? 'order' : null;
}

/** The path of a request's URL (`http://host/path?query`), without building a URL object. */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const query = url.indexOf('?', start);
  return query < 0 ? url.slice(start) : url.slice(start, query);
}
