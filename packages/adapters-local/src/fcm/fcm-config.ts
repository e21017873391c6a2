import { ConfideError, silentLogger, type Logger, invalidSetting } from "@confide/core/ports";
import type { App, Credential } from "firebase-admin/app";
import type { Messaging } from "firebase-admin/messaging";
import { readFileSync } from "node:fs";
import type { Agent } from "node:http";

/**
 * Settings of the FCM push notifier. Give exactly one source of credentials: `serviceAccount`,
 * `serviceAccountPath`, `credential`, `app`, or a ready `messaging` instance.
 */
export interface FcmSettings {
  /** The service account key JSON downloaded from the Firebase console, parsed. */
  serviceAccount?: Record<string, unknown>;
  /** Path of that JSON file. Read when the notifier is created. */
  serviceAccountPath?: string;
  /** Any firebase-admin credential, e.g. `applicationDefault()` on Google Cloud. */
  credential?: Credential;
  /** An initialised firebase-admin App; its owner deletes it (close() does not). */
  app?: App;
  /** A Messaging instance used as is (its transport settings included). */
  messaging?: Messaging;
  /** Firebase project id. Default: the service account's `project_id`. Required with `credential`. */
  projectId?: string;
  /**
   * Agent for every request (a corporate proxy). firebase-admin's HTTP/2 transport ignores
   * agents, so setting one selects the HTTP/1.1 transport.
   */
  httpAgent?: Agent;
  /** firebase-admin transport: "http2" (its default) or "http1". Default "http2", or "http1" with `httpAgent`. */
  transport?: "http2" | "http1";
  /** Tokens per `sendEachForMulticast` call; FCM allows at most 500. Default 500. */
  batchSize?: number;
  /** FCM validates the messages without delivering them. Default false. */
  dryRun?: boolean;
  /** Receives batch-level failures. */
  logger?: Logger;
}

/** Where the firebase-admin App comes from. */
export type FcmCredentialSource =
  | { kind: "service-account"; serviceAccount: { projectId: string | undefined; clientEmail: string; privateKey: string } }
  | { kind: "credential"; credential: Credential }
  | { kind: "app"; app: App }
  | { kind: "messaging"; messaging: Messaging };

export interface ResolvedFcmSettings {
  source: FcmCredentialSource;
  projectId: string | undefined;
  httpAgent: Agent | undefined;
  transport: "http2" | "http1";
  batchSize: number;
  dryRun: boolean;
  logger: Logger;
}

function field(account: Record<string, unknown>, snake: string, camel: string): unknown {
  return account[snake] ?? account[camel];
}

function readServiceAccount(account: Record<string, unknown>, setting: string): FcmCredentialSource {
  const clientEmail = field(account, "client_email", "clientEmail");
  const privateKey = field(account, "private_key", "privateKey");
  const projectId = field(account, "project_id", "projectId");
  if (typeof clientEmail !== "string" || clientEmail === "" || typeof privateKey !== "string" || privateKey === "") {
    throw invalidSetting(setting, "The FCM service account lacks client_email or private_key.");
  }
  return {
    kind: "service-account",
    serviceAccount: { clientEmail, privateKey, projectId: typeof projectId === "string" && projectId !== "" ? projectId : undefined },
  };
}

/** Fills defaults and checks the settings. @throws ConfideError `validation.invalid_input`. */
export function resolveFcmSettings(settings: FcmSettings): ResolvedFcmSettings {
  const given = (["serviceAccount", "serviceAccountPath", "credential", "app", "messaging"] as const).filter(
    (name) => settings[name] !== undefined,
  );
  if (given.length !== 1) {
    throw invalidSetting(
      "serviceAccount",
      given.length === 0
        ? "FCM needs credentials: a service account (object or file path), a credential, an app or a messaging instance."
        : `FCM takes one source of credentials; got ${given.join(", ")}.`,
    );
  }

  let source: FcmCredentialSource;
  if (settings.serviceAccount !== undefined) {
    source = readServiceAccount(settings.serviceAccount, "serviceAccount");
  } else if (settings.serviceAccountPath !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(settings.serviceAccountPath, "utf8"));
    } catch (error) {
      throw invalidSetting(
        "serviceAccountPath",
        `The FCM service account file ${settings.serviceAccountPath} cannot be read as JSON.`,
        error,
      );
    }
    if (typeof parsed !== "object" || parsed === null) {
      throw invalidSetting("serviceAccountPath", `The FCM service account file ${settings.serviceAccountPath} is not a JSON object.`);
    }
    source = readServiceAccount(parsed as Record<string, unknown>, "serviceAccountPath");
  } else if (settings.credential !== undefined) {
    source = { kind: "credential", credential: settings.credential };
  } else if (settings.app !== undefined) {
    source = { kind: "app", app: settings.app };
  } else {
    source = { kind: "messaging", messaging: settings.messaging as Messaging };
  }

  const projectId =
    settings.projectId ?? (source.kind === "service-account" ? source.serviceAccount.projectId : undefined);
  if (source.kind === "credential" && projectId === undefined) {
    throw invalidSetting("projectId", "FCM needs a projectId with a custom credential.");
  }
  const batchSize = settings.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 500) {
    throw invalidSetting("batchSize", "batchSize must be an integer from 1 to 500 (FCM's limit).");
  }
  if (settings.transport === "http2" && settings.httpAgent !== undefined) {
    throw invalidSetting("transport", "An httpAgent needs the http1 transport: firebase-admin's HTTP/2 transport ignores agents.");
  }
  return {
    source,
    projectId,
    httpAgent: settings.httpAgent,
    transport: settings.transport ?? (settings.httpAgent === undefined ? "http2" : "http1"),
    batchSize,
    dryRun: settings.dryRun ?? false,
    logger: settings.logger ?? silentLogger,
  };
}
