/** ETags of sessions are their version: `"<version>"`. */
export function entityTag(version: number): string {
  return `"${version}"`;
}

/** Opaque values of a list of entity tags, weak (`W/`) or strong; null for `*`. */
function tagValues(header: string): string[] | null {
  if (header.trim() === "*") return null;
  const values: string[] = [];
  for (const match of header.matchAll(/(?:W\/)?"([^"]*)"/g)) values.push(match[1] ?? "");
  return values;
}

/**
 * The version an `If-Match` header names (`"<version>"` or `W/"<version>"`), for a use case's
 * `expectedVersion`. Absent or `*` gives undefined (the use case then asks for a version);
 * a tag that names no version gives -1, which matches no session (412).
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const values = tagValues(header);
  if (values === null) return undefined;
  const version = values.map((value) => (/^\d{1,15}$/.test(value) ? Number(value) : -1)).find((v) => v >= 0);
  return version ?? -1;
}

/**
 * `{ expectedVersion }` from an optional `If-Match` (`versionFromIfMatch`), or nothing when the
 * request sent none: the input of a use case whose version check is optional.
 */
export function optionalExpectedVersion(header: string | undefined): { expectedVersion?: number } {
  const expectedVersion = versionFromIfMatch(header);
  return expectedVersion === undefined ? {} : { expectedVersion };
}

/** Weak comparison of `If-None-Match` with the current version (RFC 9110 §13.1.2). */
export function ifNoneMatchHits(header: string | undefined, version: number): boolean {
  if (header === undefined) return false;
  const values = tagValues(header);
  return values === null || values.includes(String(version));
}
