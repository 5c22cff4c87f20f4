import { useEffect, useState } from 'preact/hooks';
import { onReachability, reachability, type Reachability } from './reachability';

/** The collector's reachability for a component: re-renders when it changes. */
export function useReachability(): Reachability {
  const [r, setR] = useState(reachability);
  useEffect(() => {
    setR(reachability());
    return onReachability(setR);
  }, []);
  return r;
}
