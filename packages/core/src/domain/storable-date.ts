/**
 * The years a date may have to be stored and listed: every store can hold them (PostgreSQL has
 * no year 0, ISO 8601 strings have four-digit years), though JavaScript dates reach ±275,760.
 */
export const storableYears = { first: 1, last: 9999 } as const;

/** True for a valid date whose UTC year is within `storableYears`. */
export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(year) && year >= storableYears.first && year <= storableYears.last;
}
