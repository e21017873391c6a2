/**
 * Behaviour every repositories adapter's bundle must show (packages/core/src/ports/repositories.ts):
 * prepared once, it can be prepared again, checked, and its repositories share one store.
 * Each repository's own behaviour is its own contract's.
 */
import type { Repositories } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildAuditEvent, buildDevice, buildLegalHold, buildSession, buildUser } from "./fixtures.ts";
import { buildConsentGrant } from "./consent-repository.contract.ts";

export interface RepositoriesContractOptions {
  name: string;
  /** A fresh bundle over an empty store, already prepared (as a host does at start-up). */
  create: () => Promise<Repositories>;
}

export function describeRepositoriesContract(options: RepositoriesContractOptions): void {
  describe(`Repositories contract: ${options.name}`, () => {
    let repositories: Repositories;

    beforeEach(async () => {
      repositories = await options.create();
    });

    afterEach(async () => {
      await repositories.close();
    });

    it("prepares again without changing anything, also from several callers at once", async () => {
      expect(await repositories.prepare()).toEqual([]);
      expect(await Promise.all([repositories.prepare(), repositories.prepare()])).toEqual([[], []]);
    });

    it("check resolves while the database answers, also with a signal", async () => {
      await expect(repositories.check()).resolves.toBeUndefined();
      await expect(repositories.check({ signal: new AbortController().signal })).resolves.toBeUndefined();
    });

    it("keeps what each of its repositories writes, and its checks and preparing keep it too", async () => {
      const user = buildUser();
      const session = buildSession({ therapistId: user.id });
      const device = buildDevice({ userId: user.id });
      const event = buildAuditEvent({ actorId: user.id });
      const hold = buildLegalHold({ patientId: user.id, sessionId: session.id });
      await repositories.users.create(user);
      await repositories.holds.create(hold);
      const consent = buildConsentGrant({ patientId: user.id });
      await repositories.consents.append(consent);
      await repositories.sessions.create(session);
      await repositories.devices.upsert(device);
      await repositories.audit.record(event);

      await repositories.check();
      await repositories.prepare();

      expect(await repositories.users.get(user.id)).toEqual(user);
      expect(await repositories.sessions.get(session.id)).toEqual(session);
      expect((await repositories.devices.listByUser(user.id)).map((stored) => stored.id)).toEqual([device.id]);
      expect((await repositories.audit.list({ userId: user.id, limit: 10 })).items.map((stored) => stored.id)).toEqual([event.id]);
      expect(await repositories.holds.listByPatient(user.id)).toEqual([hold]);
      expect(await repositories.consents.history(user.id)).toEqual([consent]);
    });
  });
}
