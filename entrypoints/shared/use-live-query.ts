import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** A Dexie query that re-renders when the data changes, here or in the background (Dexie tells other contexts). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: () => {} });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
