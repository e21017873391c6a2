/**
 * Injection tokens of what a host provides besides the adapters, for hosts that use a DI
 * container (the http package's composition root does). Each adapter's token is
 * `adapterPortToken(port)`, derived from the port list (`ports/adapter-ports.ts`). Core itself
 * never resolves them.
 */
export const tokens = {
  clock: Symbol.for("confide.Clock"),
  ids: Symbol.for("confide.Ids"),
  logger: Symbol.for("confide.Logger"),
  settings: Symbol.for("confide.CoreSettings"),
} as const;
