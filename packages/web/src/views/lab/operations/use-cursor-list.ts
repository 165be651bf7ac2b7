import { useEffect, useState } from 'preact/hooks';
import { type Resource, useResource } from '../../../hooks/use-resource.ts';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface CursorList<T> {
  /** The first page: loading, error or ready (what AsyncView shows). */
  first: Resource<Page<T>>;
  reload: () => void;
  /** Every row loaded so far, first page included. */
  items: T[];
  hasMore: boolean;
  /** Rows added, and whether another page remains (the button is gone when not: focus must go elsewhere). */
  loadMore: () => Promise<{ added: number; hasMore: boolean }>;
  busy: boolean;
  error: unknown;
}

/**
 * A list the API serves a page at a time (`cursor` → `nextCursor`): the first page through `useResource`, then
 * "show more" appends the next ones. A new first page (other filters, reload) starts the list again.
 */
export function useCursorList<T>(
  load: (cursor?: string) => Promise<Page<T>>,
  deps: readonly unknown[],
): CursorList<T> {
  const [first, reload] = useResource(() => load(), deps);
  const [more, setMore] = useState<Page<T>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setMore(undefined);
    setError(undefined);
  }, [first]);
  const head = first.status === 'ready' ? first.data : undefined;
  const cursor = more ? more.nextCursor : head?.nextCursor;
  const loadMore = async () => {
    if (!cursor) return { added: 0, hasMore: false };
    setBusy(true);
    setError(undefined);
    try {
      const page = await load(cursor);
      setMore({
        items: [...(more?.items ?? []), ...page.items],
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      });
      return { added: page.items.length, hasMore: page.nextCursor !== undefined };
    } catch (e) {
      setError(e);
      return { added: 0, hasMore: true };
    } finally {
      setBusy(false);
    }
  };
  return {
    first,
    reload,
    items: [...(head?.items ?? []), ...(more?.items ?? [])],
    hasMore: cursor !== undefined,
    loadMore,
    busy,
    error,
  };
}
