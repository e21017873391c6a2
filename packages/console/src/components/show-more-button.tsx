import type { PagedList } from "./use-paged-list.ts";

/** "Show more …" under a paged list, while it has a further page; disabled while a page loads. */
export function ShowMoreButton({ list, noun }: { list: PagedList<unknown>; noun: string }) {
  if (!list.more) return null;
  return (
    <button type="button" class="secondary" disabled={list.loading} onClick={() => void list.showMore()}>
      {`Show more ${noun}`}
    </button>
  );
}
