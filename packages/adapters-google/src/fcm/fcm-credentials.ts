import { readFileSync } from "node:fs";
import { fileSetting } from "@confide/core/adapter-kit";
import type { FileSetting } from "@confide/core/ports";
import type { App, Credential } from "firebase-admin/app";
import type { Messaging } from "firebase-admin/messaging";

/** Where the firebase-admin App comes from. */
export type FcmCredentialSource =
  | { kind: "service-account"; serviceAccount: { projectId: string | undefined; clientEmail: string; privateKey: string } }
  | { kind: "credential"; credential: Credential }
  | { kind: "app"; app: App }
  | { kind: "messaging"; messaging: Messaging };

type ServiceAccount = Extract<FcmCredentialSource, { kind: "service-account" }>["serviceAccount"];

/** Why a service account cannot sign in. */
export const incompleteServiceAccount = "The FCM service account lacks client_email or private_key.";

function field(account: Record<string, unknown>, snake: string, camel: string): unknown {
  return account[snake] ?? account[camel];
}

/**
 * The parts of a service account key JSON (as downloaded from the Firebase console) that
 * firebase-admin signs in with, its fields in snake_case or camelCase.
 * @returns undefined when `client_email` or `private_key` is missing or empty.
 */
export function serviceAccountOf(account: Record<string, unknown>): ServiceAccount | undefined {
  const clientEmail = field(account, "client_email", "clientEmail");
  const privateKey = field(account, "private_key", "privateKey");
  const projectId = field(account, "project_id", "projectId");
  if (typeof clientEmail !== "string" || clientEmail === "" || typeof privateKey !== "string" || privateKey === "") return undefined;
  return { clientEmail, privateKey, projectId: typeof projectId === "string" && projectId !== "" ? projectId : undefined };
}

/**
 * The service account in the file at `path`, or what is wrong with that file ("/x.json is
 * empty", "there is no file /x.json", "/x.json: The FCM service account lacks …"), in words.
 */
export function readServiceAccountFile(path: string): FileSetting<ServiceAccount> {
  return fileSetting(path, (file) => readFileSync(file, "utf8"), (text): FileSetting<ServiceAccount> => {
    if (text.trim() === "") return { problem: `${path} is empty` };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { problem: `${path} is not JSON (${(error as Error).message})` };
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { problem: `${path} holds JSON but not an object` };
    const account = serviceAccountOf(parsed as Record<string, unknown>);
    return account === undefined ? { problem: `${path}: ${incompleteServiceAccount}` } : { value: account };
  });
}
