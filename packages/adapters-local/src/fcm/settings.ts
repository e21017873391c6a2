import { readFileSync } from "node:fs";
import { ConfideError, fileSetting, type FileSetting } from "@confide/core/ports";
import { z } from "zod";
import { resolveFcmSettings } from "./fcm-config.ts";

/** The JSON object in the file at `path`, or what is wrong with that file ("/x.json is empty"), in words. */
function readJsonObjectFile(path: string) {
  return fileSetting(path, (file) => readFileSync(file, "utf8"), (text): FileSetting<Record<string, unknown>> => {
    if (text.trim() === "") return { problem: `${path} is empty` };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { problem: `${path} is not JSON (${(error as Error).message})` };
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { problem: `${path} holds JSON but not an object` };
    return { value: parsed as Record<string, unknown> };
  });
}

/** The service account in the file a variable names, checked as the notifier will check it. */
const serviceAccountFile = z
  .string()
  .min(1)
  .transform((path, context) => {
    const file = readJsonObjectFile(path);
    if (file.problem !== undefined) {
      context.addIssue({ code: "custom", message: file.problem });
      return z.NEVER;
    }
    try {
      resolveFcmSettings({ serviceAccount: file.value });
    } catch (error) {
      if (!ConfideError.is(error)) throw error;
      context.addIssue({ code: "custom", message: `${path}: ${error.message}` });
      return z.NEVER;
    }
    return file.value;
  });

/** The environment variables of the FCM push notifier. */
export const fcmSettings = z
  .object({
    CONFIDE_FCM_SERVICE_ACCOUNT_FILE: serviceAccountFile.describe("path to the Firebase service-account JSON"),
  })
  .describe("Firebase Cloud Messaging");

export type FcmVariables = z.output<typeof fcmSettings>;
