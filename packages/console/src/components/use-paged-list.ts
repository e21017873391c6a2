import { useEffect, useState } from "preact/hooks";
import type { Page } from "../api/api-types.ts";
import { announce } from "./announcer.tsx";

/** A list read a page at a time: the items shown so far, and whether there is more. */
export interface PagedList<T> {
  items: T[];
  /** True while there is a further page (the "Show more" button is offered). */
  more: boolean;
  loading: boolean;
  error: unknown;
  /** Reads the next page, appends it and announces how many were added ("3 more sessions shown."). */
  showMore: () => Promise<void>;
}

/**
 * Reads the first page with `load(null)` whenever `deps` change (dropping an answer that arrives
 * after they changed again), then each further page with the cursor of the one before. `noun`
 * names the items in the announcement ("sessions", "accounts").
 */
export function usePagedList<T>(load: (cursor: string | null) => Promise<Page<T>>, noun: string, deps: unknown[]): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    load(null)
      .then((page) => {
        if (cancelled) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch((failure: unknown) => !cancelled && setError(failure))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, deps);

  const showMore = async () => {
    if (!nextCursor) return;
    setLoading(true);
    try {
      const page = await load(nextCursor);
      setItems((shown) => [...shown, ...page.items]);
      setNextCursor(page.nextCursor);
      announce(`${page.items.length} more ${noun} shown.`);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  return { items, more: Boolean(nextCursor), loading, error, showMore };
}
