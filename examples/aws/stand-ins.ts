/**
 * Local stand-ins for the AWS services of the `aws` profile, to try it on one machine: s3rver
 * (S3, objects in a temporary directory), the fake Amazon Transcribe (reads the recordings from
 * and writes its transcripts to that s3rver; the transcript is a fixed two-speaker script, not
 * recognition) and the fake Amazon Comprehend (keyword scoring). All three admit one access key,
 * so the SDKs of `confide serve` and `confide worker` share one credential chain as they would
 * a task role. PostgreSQL and Redis are your own (local servers stand in for RDS and
 * ElastiCache). Prints the variables to `export`, then runs until Ctrl-C.
 *
 * Run: npm run --silent stand-ins:aws > /tmp/confide-aws-stand-ins.env
 * Not a deployment: nothing here checks signatures, and everything is lost when it stops.
 */
import { startFakeComprehendServer, startFakeTranscribeServer } from "@confide/contracts/fakes";
import { startS3Server } from "@confide/contracts/support";

const s3 = await startS3Server({ buckets: ["confide-recordings", "confide-transcripts"] });
const transcribe = await startFakeTranscribeServer({ s3Endpoint: s3.endpoint, region: s3.region, credentials: s3.credentials });
const comprehend = await startFakeComprehendServer({ region: s3.region, credentials: s3.credentials });

const variables = {
  CONFIDE_S3_BUCKET: "confide-recordings",
  CONFIDE_S3_ENDPOINT: s3.endpoint,
  CONFIDE_S3_FORCE_PATH_STYLE: "true",
  CONFIDE_S3_REGION: s3.region,
  CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "confide-transcripts",
  CONFIDE_TRANSCRIBE_ENDPOINT: transcribe.url,
  CONFIDE_TRANSCRIBE_S3_ENDPOINT: s3.endpoint,
  CONFIDE_TRANSCRIBE_REGION: transcribe.region,
  CONFIDE_TRANSCRIBE_POLL_INTERVAL_SECONDS: "2",
  CONFIDE_COMPREHEND_ENDPOINT: comprehend.url,
  CONFIDE_COMPREHEND_REGION: comprehend.region,
  AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
  AWS_REGION: s3.region,
};
process.stdout.write(`${Object.entries(variables).map(([name, value]) => `export ${name}=${value}`).join("\n")}\n`);
process.stderr.write("AWS stand-ins running (s3rver, fake Transcribe, fake Comprehend); Ctrl-C stops them.\n");

const stop = async () => {
  await comprehend.close();
  await transcribe.close();
  await s3.stop();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
