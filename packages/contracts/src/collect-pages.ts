import type { Page } from "@confide/core/ports";
import { expect } from "vitest";

/**
 * Follows `nextCursor` from the first page to the last (at most `maxPages`).
 * @returns every page, in order.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 20,
): Promise<Array<Page<T>>> {
  const pages: Array<Page<T>> = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    pages.push(page);
    if (page.nextCursor !== null) expect(typeof page.nextCursor).toBe("string");
    cursor = page.nextCursor ?? undefined;
    expect(pages.length, "pagination ends").toBeLessThanOrEqual(maxPages);
  } while (cursor !== undefined);
  return pages;
}
