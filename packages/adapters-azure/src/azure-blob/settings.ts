import { z } from "zod";
import { connectionStringProblem, containerNameProblem, defaultContainerName } from "./azure-blob-config.ts";

/** A value `problem` refuses is reported in its words, never echoed (a connection string holds a key). */
function checkedBy(problem: (value: string) => string | undefined) {
  return z.string().superRefine((value, context) => {
    const message = problem(value);
    if (message !== undefined) context.addIssue({ code: "custom", message });
  });
}

/** The environment variables of the Azure Blob Storage blob store. */
export const azureBlobSettings = z
  .object({
    CONFIDE_AZURE_STORAGE_CONNECTION_STRING: checkedBy(connectionStringProblem)
      .optional()
      .describe(
        "the storage account's connection string (`AccountName=…;AccountKey=…`): signs read/write URLs with the key; give it or `CONFIDE_AZURE_STORAGE_ACCOUNT_URL`",
      )
      .meta({ shownDefault: "— (one of the two is required)" }),
    CONFIDE_AZURE_STORAGE_ACCOUNT_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        "`https://<account>.blob.core.windows.net`: signs in with Microsoft Entra ID (`DefaultAzureCredential`: managed identity, `AZURE_*` variables, developer sign-in) and signs URLs as user-delegation SAS",
      )
      .meta({ shownDefault: "— (one of the two is required)" }),
    CONFIDE_AZURE_STORAGE_CONTAINER: checkedBy(containerNameProblem)
      .default(defaultContainerName)
      .describe("the container holding the recordings; created on first use when missing"),
  })
  .superRefine((variables, context) => {
    const given = [variables.CONFIDE_AZURE_STORAGE_CONNECTION_STRING, variables.CONFIDE_AZURE_STORAGE_ACCOUNT_URL].filter(
      (value) => value !== undefined,
    ).length;
    if (given !== 1) {
      context.addIssue({
        code: "custom",
        path: ["CONFIDE_AZURE_STORAGE_CONNECTION_STRING"],
        message:
          given === 0
            ? "required by the azure-blob storage adapter, or CONFIDE_AZURE_STORAGE_ACCOUNT_URL instead"
            : "give either this or CONFIDE_AZURE_STORAGE_ACCOUNT_URL, not both",
      });
    }
  })
  .describe("block blobs in an Azure Blob Storage container");

export type AzureBlobVariables = z.output<typeof azureBlobSettings>;
