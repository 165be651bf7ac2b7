import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown };

/**
 * Loads once per change of `deps`; `reload()` refetches in the background, keeping what is shown until the answer
 * arrives (no flash of "loading", focus stays where it is).
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback((background: boolean) => {
    const mine = ++generation.current;
    if (!background) setState({ status: 'loading' });
    loadRef.current().then(
      (data) => mine === generation.current && setState({ status: 'ready', data }),
      (error: unknown) => mine === generation.current && setState({ status: 'error', error }),
    );
  }, []);

  // The caller's deps decide when to reload.
  useEffect(() => run(false), deps);
  const reload = useCallback(() => run(true), [run]);
  return [state, reload];
}
