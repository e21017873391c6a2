/**
 * @confide/contracts: one behavioural suite per port, to call from an adapter's test file
 * (`describeBlobStoreContract({ name, create, capabilities })`), and the fixtures and
 * assertions the suites and adapter tests share.
 */
export * from "./audit-log.contract.ts";
export * from "./blob-store.contract.ts";
export * from "./consent-repository.contract.ts";
export * from "./device-repository.contract.ts";
export * from "./diarizer.contract.ts";
export * from "./job-queue.contract.ts";
export * from "./language-analyzer.contract.ts";
export * from "./legal-hold-repository.contract.ts";
export * from "./note-writer.contract.ts";
export * from "./risk-screen.contract.ts";
export * from "./push-notifier.contract.ts";
export * from "./repositories.contract.ts";
export * from "./session-events.contract.ts";
export * from "./session-repository.contract.ts";
export * from "./speech-to-text.contract.ts";
export * from "./token-repository.contract.ts";
export * from "./user-repository.contract.ts";
export * from "./collect-pages.ts";
export * from "./expect-confide-error.ts";
export * from "./expect-same-dates.ts";
export * from "./fixtures.ts";
export * from "./live-speech-to-text.contract.ts";
