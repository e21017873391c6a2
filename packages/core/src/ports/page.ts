export interface PageRequest {
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
  /** 1–100. */
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}
