import { z } from "zod";
import { connectionStringProblem, containerNameProblem } from "../azure-blob/azure-blob-config.ts";
import { regionProblem } from "./azure-speech-config.ts";
import { defaultStagingContainer } from "./azure-speech-staging-name.ts";

/** A value `problem` refuses is reported in its words, never echoed (a connection string holds a key). */
function checkedBy(problem: (value: string) => string | undefined) {
  return z.string().superRefine((value, context) => {
    const message = problem(value);
    if (message !== undefined) context.addIssue({ code: "custom", message });
  });
}

/** The environment variables of the Azure Speech batch transcription adapter. */
export const azureSpeechSettings = z
  .object({
    CONFIDE_AZURE_SPEECH_ENDPOINT: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        "the Speech resource's endpoint (`https://<resource>.cognitiveservices.azure.com`); overrides `CONFIDE_AZURE_SPEECH_REGION`; required for Entra ID sign-in",
      )
      .meta({ shownDefault: "— (this or the region is required)" }),
    CONFIDE_AZURE_SPEECH_REGION: checkedBy(regionProblem)
      .optional()
      .describe("the Speech resource's region (`westeurope`): the endpoint `https://<region>.api.cognitive.microsoft.com` (key only)")
      .meta({ shownDefault: "— (this or the endpoint is required)" }),
    CONFIDE_AZURE_SPEECH_KEY: z
      .string()
      .min(1)
      .optional()
      .describe("the Speech resource's key (`Ocp-Apim-Subscription-Key`); without it, Entra ID sign-in with `DefaultAzureCredential`"),
    CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING: checkedBy(connectionStringProblem)
      .optional()
      .describe(
        "a storage account connection string (with `AccountKey`) for the staging container, where recordings not stored in Azure Blob Storage are copied for the service to read",
      ),
    CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe("`https://<account>.blob.core.windows.net` for the staging container, signed in with `DefaultAzureCredential`, instead of a connection string"),
    CONFIDE_AZURE_SPEECH_STAGING_CONTAINER: checkedBy(containerNameProblem)
      .default(defaultStagingContainer)
      .describe("the staging container; staged copies are deleted when their job ends or is discarded"),
    CONFIDE_AZURE_SPEECH_MAX_POLL_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(5000)
      .max(3_600_000)
      .default(60_000)
      .describe("longest delay between two polls of one job (a fresh job is polled every 5 s, then less often as it ages)"),
  })
  .superRefine((variables, context) => {
    if (variables.CONFIDE_AZURE_SPEECH_ENDPOINT === undefined && variables.CONFIDE_AZURE_SPEECH_REGION === undefined) {
      context.addIssue({
        code: "custom",
        path: ["CONFIDE_AZURE_SPEECH_ENDPOINT"],
        message: "required by the azure-speech adapter, or CONFIDE_AZURE_SPEECH_REGION with a key",
      });
    }
    if (variables.CONFIDE_AZURE_SPEECH_KEY === undefined && variables.CONFIDE_AZURE_SPEECH_ENDPOINT === undefined) {
      context.addIssue({
        code: "custom",
        path: ["CONFIDE_AZURE_SPEECH_ENDPOINT"],
        message: "required for Entra ID sign-in (no CONFIDE_AZURE_SPEECH_KEY): regional endpoints take keys only",
      });
    }
    if (variables.CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING !== undefined && variables.CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING"],
        message: "give either this or CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL, not both",
      });
    }
  })
  .describe("Azure Speech batch transcription, REST API 2024-11-15");

export type AzureSpeechVariables = z.output<typeof azureSpeechSettings>;
