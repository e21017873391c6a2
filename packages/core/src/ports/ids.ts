export interface Ids {
  /** A new unique id: URL-safe, not all digits, no `:`. */
  newId(): string;
}
