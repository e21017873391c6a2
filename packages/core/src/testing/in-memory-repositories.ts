import { unsupportedDatabaseSnapshots } from "../ports/unsupported-snapshots.ts";
import type { Repositories } from "../ports/repositories.ts";
import { createInMemoryAuditLog } from "./in-memory-audit-log.ts";
import { createInMemoryConsentRepository } from "./in-memory-consent-repository.ts";
import { createInMemoryDeviceRepository } from "./in-memory-device-repository.ts";
import { createInMemoryLegalHoldRepository } from "./in-memory-legal-hold-repository.ts";
import { createInMemorySessionRepository } from "./in-memory-session-repository.ts";
import { createInMemoryTokenRepository } from "./in-memory-token-repository.ts";
import { createInMemoryUserRepository } from "./in-memory-user-repository.ts";

/** The repositories in memory as one bundle: nothing to prepare, always ready. */
export function createInMemoryRepositories(): Repositories {
  return {
    sessions: createInMemorySessionRepository(),
    users: createInMemoryUserRepository(),
    tokens: createInMemoryTokenRepository(),
    devices: createInMemoryDeviceRepository(),
    audit: createInMemoryAuditLog(),
    holds: createInMemoryLegalHoldRepository(),
    consents: createInMemoryConsentRepository(),
    snapshots: unsupportedDatabaseSnapshots("in-memory", "it keeps nothing to back up."),
    async prepare() {
      return [];
    },
    async check() {},
    async close() {},
  };
}
