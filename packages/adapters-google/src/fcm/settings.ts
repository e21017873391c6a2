import { isPassedObject, silentLogger } from "@confide/core/adapter-kit";
import type { Logger } from "@confide/core/ports";
import type { App, Credential } from "firebase-admin/app";
import type { Messaging } from "firebase-admin/messaging";
import type { Agent } from "node:http";
import { z } from "zod";
import { incompleteServiceAccount, readServiceAccountFile, serviceAccountOf } from "./fcm-credentials.ts";

/** The settings naming where the credentials come from; exactly one is given. */
const credentialSources = ["serviceAccount", "serviceAccountPath", "credential", "app", "messaging"] as const;

/** The service account file a setting names, checked as the notifier will read it. */
const serviceAccountFile = z
  .string()
  .min(1)
  .superRefine((path, context) => {
    const file = readServiceAccountFile(path);
    if (file.problem !== undefined) context.addIssue({ code: "custom", message: file.problem });
  })
  .optional();

/**
 * The settings of the FCM push notifier: what `createFcmPushNotifier` takes and what its
 * environment variable sets (`serviceAccountPath`). Give exactly one source of credentials:
 * `serviceAccount`, `serviceAccountPath`, `credential`, `app`, or a ready `messaging` instance.
 */
export const fcmSettings = z
  .object({
    /**
     * Path of the service account key JSON, read (and checked) when the settings are parsed and
     * when the notifier is created. A deployment has no other way to name credentials, so the
     * configuration table lists its variable as required; code may give another source instead
     * (the object's check below asks for exactly one). Hence `z.lazy`: the table reads an
     * optional setting as one that may be left out.
     */
    serviceAccountPath: z
      .lazy(() => serviceAccountFile)
      .describe("path to the Firebase service-account JSON")
      .meta({ env: "CONFIDE_FCM_SERVICE_ACCOUNT_FILE" }),
    /** The service account key JSON downloaded from the Firebase console, parsed. */
    serviceAccount: z
      .record(z.string(), z.unknown())
      .refine((account) => serviceAccountOf(account) !== undefined, incompleteServiceAccount)
      .optional(),
    /** Any firebase-admin credential, e.g. `applicationDefault()` on Google Cloud; needs `projectId`. */
    credential: z.custom<Credential>(isPassedObject).optional(),
    /** An initialised firebase-admin App; its owner deletes it (close() does not). */
    app: z.custom<App>(isPassedObject).optional(),
    /** A Messaging instance used as is (its transport settings included). */
    messaging: z.custom<Messaging>(isPassedObject).optional(),
    /** Firebase project id. Default: the service account's `project_id`. Required with `credential`. */
    projectId: z.string().optional(),
    /**
     * Agent for every request (a corporate proxy). firebase-admin's HTTP/2 transport ignores
     * agents, so setting one selects the HTTP/1.1 transport.
     */
    httpAgent: z.custom<Agent>(isPassedObject).optional(),
    /** firebase-admin transport. Default "http2", or "http1" with `httpAgent`. */
    transport: z.enum(["http2", "http1"]).optional(),
    /** Tokens per `sendEachForMulticast` call; FCM allows at most 500. */
    batchSize: z.number().int().min(1).max(500).default(500),
    /** FCM validates the messages without delivering them. */
    dryRun: z.boolean().default(false),
    /** Receives batch-level failures. */
    logger: z.custom<Logger>(isPassedObject).default(silentLogger),
  })
  .check((context) => {
    const settings = context.value;
    const given = credentialSources.filter((name) => settings[name] !== undefined);
    if (given.length === 0) {
      // Missing, as the host words it for its variable ("required by the fcm push adapter").
      context.issues.push({ code: "invalid_type", expected: "string", input: undefined, path: ["serviceAccountPath"] });
    } else if (given.length > 1) {
      context.issues.push({ code: "custom", message: `FCM takes one source of credentials; got ${given.join(", ")}.`, input: settings, path: ["serviceAccount"] });
    }
    if (settings.credential !== undefined && settings.projectId === undefined) {
      context.issues.push({ code: "custom", message: "FCM needs a projectId with a custom credential.", input: settings, path: ["projectId"] });
    }
    if (settings.transport === "http2" && settings.httpAgent !== undefined) {
      context.issues.push({
        code: "custom",
        message: "An httpAgent needs the http1 transport: firebase-admin's HTTP/2 transport ignores agents.",
        input: settings,
        path: ["transport"],
      });
    }
  })
  .describe("Firebase Cloud Messaging");

/** What code creating the notifier passes (defaults may be left out). */
export type FcmSettings = z.input<typeof fcmSettings>;

/** The settings as the notifier uses them: checked, defaults filled. */
export type ParsedFcmSettings = z.output<typeof fcmSettings>;
