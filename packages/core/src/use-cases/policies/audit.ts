import type { ConfideDeps } from "../../deps.ts";
import type { AuditAction, AuditEvent } from "../../domain/audit-event.ts";
import type { Actor } from "../../domain/user.ts";

/** Records one audit event: who, what, when. Ids and small facts only, never content. */
export async function audit(
  deps: Pick<ConfideDeps, "audit" | "clock" | "ids">,
  actor: Actor,
  action: AuditAction,
  target: Pick<AuditEvent, "sessionId" | "subjectUserId" | "detail"> = {},
): Promise<void> {
  await deps.audit.record({
    id: deps.ids.newId(),
    at: deps.clock.now(),
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    ...target,
  });
}
