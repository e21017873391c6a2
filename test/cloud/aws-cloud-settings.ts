/**
 * What `npm run test:cloud -- aws` runs against, read from the usual `CONFIDE_*` settings and the
 * SDK's own (`AWS_REGION`, `AWS_PROFILE`, a role…). Shared by the runner (aws.ts) and the suites
 * (aws.cloud.ts). Everything the run creates carries `runId`: S3 keys under
 * `confide-cloud-<runId>/`, Transcribe jobs named `confide-cloud-<runId>-<uuid>`. The notes port
 * (Bedrock Converse on `CONFIDE_BEDROCK_MODEL_ID`) creates nothing.
 */

export type AwsCloudPort = "storage" | "speech" | "language" | "live" | "notes";

export interface AwsCloudSettings {
  runId: string;
  region: string | undefined;
  /** CONFIDE_S3_BUCKET: the storage contract's objects go under the run's prefix in it. */
  s3Bucket: string | undefined;
  /** CONFIDE_TRANSCRIBE_OUTPUT_BUCKET (and _STAGING_BUCKET): Transcribe's transcripts and staged copies, under the run's prefix. */
  transcribeOutputBucket: string | undefined;
  transcribeStagingBucket: string | undefined;
  /** Endpoints the settings name (a VPC endpoint, a stand-in); undefined: Amazon's. */
  endpoints: { s3: string | undefined; s3ForcePathStyle: boolean; transcribe: string | undefined; transcribeS3: string | undefined };
  /** CONFIDE_BEDROCK_MODEL_ID: the model the notes port asks. */
  bedrockModelId: string | undefined;
  /** Ports that can run with these settings, and why the others cannot. */
  ports: Record<AwsCloudPort, { provider: string; configured: true } | { provider: string; configured: false; missing: string }>;
}

/** The key prefix of everything the run puts in S3. */
export const runPrefix = (runId: string) => `confide-cloud-${runId}/`;
/** The start of every Transcribe job name of the run. */
export const runJobNamePrefix = (runId: string) => `confide-cloud-${runId}-`;

const present = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim());

export function awsCloudSettings(environment: NodeJS.ProcessEnv, runId: string): AwsCloudSettings {
  const region = present(environment.CONFIDE_TRANSCRIBE_REGION) ?? present(environment.CONFIDE_COMPREHEND_REGION) ?? present(environment.AWS_REGION) ?? present(environment.AWS_DEFAULT_REGION);
  const s3Bucket = present(environment.CONFIDE_S3_BUCKET);
  const transcribeOutputBucket = present(environment.CONFIDE_TRANSCRIBE_OUTPUT_BUCKET);
  const noRegion = "a region (CONFIDE_TRANSCRIBE_REGION, CONFIDE_COMPREHEND_REGION or AWS_REGION)";
  const bedrockModelId = present(environment.CONFIDE_BEDROCK_MODEL_ID);
  const bedrockRegion = present(environment.CONFIDE_BEDROCK_REGION) ?? region;
  return {
    runId,
    region,
    s3Bucket,
    transcribeOutputBucket,
    transcribeStagingBucket: present(environment.CONFIDE_TRANSCRIBE_STAGING_BUCKET) ?? transcribeOutputBucket,
    bedrockModelId,
    endpoints: {
      s3: present(environment.CONFIDE_S3_ENDPOINT),
      s3ForcePathStyle: present(environment.CONFIDE_S3_FORCE_PATH_STYLE) === "true",
      transcribe: present(environment.CONFIDE_TRANSCRIBE_ENDPOINT),
      transcribeS3: present(environment.CONFIDE_TRANSCRIBE_S3_ENDPOINT),
    },
    ports: {
      storage: s3Bucket === undefined ? { provider: "s3", configured: false, missing: "CONFIDE_S3_BUCKET" } : region === undefined && present(environment.CONFIDE_S3_REGION) === undefined ? { provider: "s3", configured: false, missing: noRegion } : { provider: "s3", configured: true },
      speech:
        transcribeOutputBucket === undefined
          ? { provider: "transcribe", configured: false, missing: "CONFIDE_TRANSCRIBE_OUTPUT_BUCKET" }
          : region === undefined
            ? { provider: "transcribe", configured: false, missing: noRegion }
            : { provider: "transcribe", configured: true },
      language: region === undefined ? { provider: "comprehend", configured: false, missing: noRegion } : { provider: "comprehend", configured: true },
      live: region === undefined ? { provider: "transcribe-streaming", configured: false, missing: noRegion } : { provider: "transcribe-streaming", configured: true },
      notes:
        bedrockModelId === undefined
          ? { provider: "bedrock", configured: false, missing: "CONFIDE_BEDROCK_MODEL_ID" }
          : bedrockRegion === undefined
            ? { provider: "bedrock", configured: false, missing: "a region (CONFIDE_BEDROCK_REGION or AWS_REGION)" }
            : { provider: "bedrock", configured: true },
    },
  };
}
