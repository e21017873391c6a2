import { ConfideError } from "@confide/core";
import { z } from "zod";
import { resolveFcmSettings } from "./fcm-config.ts";
import { readJsonFileSetting } from "./json-file-setting.ts";

/** The service account in the file a variable names, checked as the notifier will check it. */
const serviceAccountFile = z
  .string()
  .min(1)
  .transform((path, context) => {
    const file = readJsonFileSetting(path);
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
