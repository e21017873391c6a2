import { ConfideError } from "@confide/core/ports";

/** Where the tokens' signer gets its region and credentials. */
export interface RdsIamAuthentication {
  /** The database's region; default: the SDK's (`AWS_REGION`, the shared config's profile). */
  region?: string;
  /** Static credentials (tests); default: the SDK's default provider chain (task role, instance profile…). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined };
}

/** A password for one new connection. */
export type PasswordProvider = () => Promise<string>;

/**
 * The RDS IAM token provider for the database at `connectionString` (its host, port — 5432 when
 * absent — and user): each call signs a new token (SigV4, no request leaves the process; valid
 * 15 minutes, RDS checks it only when a connection authenticates). `@aws-sdk/rds-signer` is
 * imported here, when IAM authentication is chosen, and nowhere else.
 * @returns the provider; a call rejects with ConfideError `dependency.unavailable` (retryable)
 * when the SDK finds no credentials or region.
 * @throws ConfideError `validation.invalid_input` when the URL names no host or user.
 */
export async function createRdsIamTokenProvider(connectionString: string, options: RdsIamAuthentication): Promise<PasswordProvider> {
  const url = URL.canParse(connectionString) ? new URL(connectionString) : undefined;
  const hostname = url?.hostname ?? "";
  const username = decodeURIComponent(url?.username ?? "");
  if (hostname === "" || username === "") {
    throw new ConfideError("validation.invalid_input", "IAM authentication needs the database's host and user in the PostgreSQL URL.", {
      details: { setting: "connectionString" },
    });
  }
  const port = url?.port === "" || url?.port === undefined ? 5432 : Number(url.port);
  const { Signer } = await import("@aws-sdk/rds-signer");
  const signer = new Signer({
    hostname,
    port,
    username,
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  });
  return async () => {
    try {
      return await signer.getAuthToken();
    } catch (error) {
      throw new ConfideError("dependency.unavailable", "No RDS IAM authentication token could be signed (no AWS credentials or region found).", {
        cause: error,
        retryable: true,
        details: { dependency: "PostgreSQL", reason: "iam_token" },
      });
    }
  };
}
