import { invalidSetting, parseSettings } from "@confide/core/adapter-kit";
import { ConfideError, type PushMessage, type PushNotifier, type PushOutcome } from "@confide/core/ports";
import type { App } from "firebase-admin/app";
import type { BatchResponse, Messaging, MulticastMessage } from "firebase-admin/messaging";
import { randomUUID } from "node:crypto";
import { readServiceAccountFile, serviceAccountOf, type FcmCredentialSource } from "./fcm-credentials.ts";
import { fcmErrorCode, isRetryableFcmError, isTransportFcmError, outcomeForError } from "./fcm-errors.ts";
import { fcmSettings, type FcmSettings, type ParsedFcmSettings } from "./settings.ts";

interface Connected {
  messaging: Messaging;
  /** The App this notifier created, deleted by close(). */
  ownedApp: App | undefined;
}

interface Failure {
  outcome: Extract<PushOutcome, { status: "failed" }>;
  error: unknown;
}

/**
 * Where the App comes from, by the one source the settings give (checked by their schema; a
 * file named is read now).
 * @throws ConfideError `validation.invalid_input` when the file can no longer be used.
 */
function credentialSourceOf(settings: ParsedFcmSettings): FcmCredentialSource {
  if (settings.serviceAccountPath !== undefined) {
    const file = readServiceAccountFile(settings.serviceAccountPath);
    if (file.problem !== undefined) throw invalidSetting("serviceAccountPath", `The FCM service account file cannot be used: ${file.problem}.`);
    return { kind: "service-account", serviceAccount: file.value };
  }
  const serviceAccount = settings.serviceAccount === undefined ? undefined : serviceAccountOf(settings.serviceAccount);
  if (serviceAccount !== undefined) return { kind: "service-account", serviceAccount };
  if (settings.credential !== undefined) return { kind: "credential", credential: settings.credential };
  if (settings.app !== undefined) return { kind: "app", app: settings.app };
  if (settings.messaging !== undefined) return { kind: "messaging", messaging: settings.messaging };
  throw invalidSetting("serviceAccount", "FCM needs credentials: a service account (object or file path), a credential, an app or a messaging instance.");
}

/** The notifier's settings with the source of its credentials, its project and its transport settled. */
interface FcmConnection {
  source: FcmCredentialSource;
  projectId: string | undefined;
  httpAgent?: ParsedFcmSettings["httpAgent"];
  transport: "http2" | "http1";
}

async function connect(resolved: FcmConnection): Promise<Connected> {
  const { source } = resolved;
  if (source.kind === "messaging") return { messaging: source.messaging, ownedApp: undefined };
  const [{ initializeApp, cert }, { getMessaging }] = await Promise.all([
    import("firebase-admin/app"),
    import("firebase-admin/messaging"),
  ]);
  let app: App;
  let ownedApp: App | undefined;
  if (source.kind === "app") {
    app = source.app;
  } else {
    const credential =
      source.kind === "credential" ? source.credential : cert({ ...source.serviceAccount }, resolved.httpAgent);
    app = initializeApp(
      {
        credential,
        ...(resolved.projectId === undefined ? {} : { projectId: resolved.projectId }),
        ...(resolved.httpAgent === undefined ? {} : { httpAgent: resolved.httpAgent }),
      },
      `confide-fcm-${randomUUID()}`,
    );
    ownedApp = app;
  }
  const messaging = getMessaging(app);
  if (resolved.transport === "http1") messaging.enableLegacyHttpTransport();
  return { messaging, ownedApp };
}

/**
 * PushNotifier over Firebase Cloud Messaging (firebase-admin, loaded on first send). Tokens go
 * out in `sendEachForMulticast` batches of at most 500, one after the other. Each token gets an
 * outcome: `invalid-token` when FCM says it will never work again (unregistered, malformed),
 * `failed` otherwise, retryable when FCM was overloaded, throttling or unreachable.
 */
export function createFcmPushNotifier(settings: FcmSettings): PushNotifier {
  const parsed = parseSettings(fcmSettings, settings);
  const source = credentialSourceOf(parsed);
  const resolved = {
    ...parsed,
    source,
    projectId: parsed.projectId ?? (source.kind === "service-account" ? source.serviceAccount.projectId : undefined),
    transport: parsed.transport ?? (parsed.httpAgent === undefined ? "http2" : "http1"),
  } satisfies FcmConnection;
  const { logger } = resolved;
  let connecting: Promise<Connected> | undefined;
  let closed = false;

  function connection(): Promise<Connected> {
    connecting ??= connect(resolved).catch((error: unknown) => {
      connecting = undefined;
      throw new ConfideError("dependency.unavailable", `FCM could not be set up: ${String(error)}`, {
        retryable: false,
        cause: error,
      });
    });
    return connecting;
  }

  function multicast(tokens: string[], message: PushMessage): MulticastMessage {
    return {
      tokens,
      notification: { title: message.title, body: message.body },
      data: { ...message.data },
      ...(message.priority === "high" ? { android: { priority: "high" }, apns: { headers: { "apns-priority": "10" } } } : {}),
    };
  }

  return {
    async send(tokens, message, options = {}) {
      if (closed) throw new ConfideError("dependency.unavailable", "The push notifier is closed.", { retryable: false });
      if (tokens.length === 0) return [];
      const outcomes: Array<PushOutcome | undefined> = new Array(tokens.length);
      const failures: Failure[] = [];
      // Empty tokens can never be delivered: answer them without asking FCM.
      const sendable: number[] = [];
      tokens.forEach((token, index) => {
        if (typeof token === "string" && token.trim() !== "") sendable.push(index);
        else outcomes[index] = { token, status: "invalid-token", reason: "empty token" };
      });
      if (sendable.length === 0) return outcomes as PushOutcome[];

      const { messaging } = await connection();
      for (let start = 0; start < sendable.length; start += resolved.batchSize) {
        options.signal?.throwIfAborted();
        const positions = sendable.slice(start, start + resolved.batchSize);
        const batch = positions.map((index) => tokens[index]!);
        let response: BatchResponse;
        try {
          response = await messaging.sendEachForMulticast(multicast(batch, message), resolved.dryRun);
        } catch (error) {
          // The whole batch was refused before any token was tried (no project id, a bad message).
          logger.warn("FCM refused a batch.", { tokens: batch.length, errorCode: fcmErrorCode(error) });
          positions.forEach((index) => {
            const outcome = {
              token: tokens[index]!,
              status: "failed" as const,
              reason: `${fcmErrorCode(error)}: ${error instanceof Error ? error.message : String(error)}`,
              retryable: isRetryableFcmError(error),
            };
            outcomes[index] = outcome;
            failures.push({ outcome, error });
          });
          continue;
        }
        response.responses.forEach((sent, offset) => {
          const index = positions[offset]!;
          const token = tokens[index]!;
          if (sent.success) {
            outcomes[index] = { token, status: "ok" };
            return;
          }
          const outcome = outcomeForError(token, sent.error);
          outcomes[index] = outcome;
          if (outcome.status === "failed") failures.push({ outcome, error: sent.error });
        });
      }

      if (failures.length === sendable.length && failures.every((failure) => isTransportFcmError(failure.error))) {
        const first = failures[0]!;
        throw new ConfideError("dependency.unavailable", `FCM could not be reached: ${first.outcome.reason}`, {
          retryable: failures.some((failure) => failure.outcome.retryable),
          cause: first.error,
          details: { provider: "fcm", tokens: tokens.length },
        });
      }
      return outcomes as PushOutcome[];
    },

    async check() {
      // Loads firebase-admin and the credentials (a malformed service account fails here); sends nothing.
      if (closed) throw new ConfideError("dependency.unavailable", "The push notifier is closed.", { retryable: false });
      await connection();
    },

    async close() {
      if (closed) return;
      closed = true;
      const current = connecting;
      connecting = undefined;
      if (current === undefined) return;
      const { ownedApp } = await current.catch(() => ({ ownedApp: undefined }));
      if (ownedApp !== undefined) {
        const { deleteApp } = await import("firebase-admin/app");
        await deleteApp(ownedApp);
      }
    },
  };
}
