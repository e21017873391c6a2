/**
 * A throwaway TLS certificate for local stand-ins that must speak HTTPS (Azurite with
 * `--oauth basic`, the Cosmos DB protocol server, the Cosmos fault proxy). Made at run time by
 * the OpenSSL command line (Debian's `openssl` package; nothing is downloaded): node:crypto can
 * make keys but not X.509 certificates. The certificate is self-signed, valid two days, for
 * 127.0.0.1 and localhost, and is its own CA — clients trust it by passing `ca` (an
 * `https.Agent({ ca })`, or an SDK's TLS option), never by turning verification off.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface SelfSignedCertificate {
  /** PEM of the certificate; give it to clients as `ca`. */
  cert: string;
  /** PEM of the private key (P-256). */
  key: string;
  /** The same two on disk, for servers that take file paths (Azurite `--cert`/`--key`). */
  certPath: string;
  keyPath: string;
  /** Deletes the temporary directory holding the files. */
  remove(): Promise<void>;
}

export async function createSelfSignedCertificate(): Promise<SelfSignedCertificate> {
  const directory = await mkdtemp(join(tmpdir(), "confide-tls-"));
  const certPath = join(directory, "cert.pem");
  const keyPath = join(directory, "key.pem");
  try {
    await run("openssl", [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      keyPath,
      "-out",
      certPath,
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
    ]);
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw new Error(`could not make a self-signed certificate with the openssl command (apt-get install openssl): ${String(error)}`, {
      cause: error,
    });
  }
  return {
    cert: await readFile(certPath, "utf8"),
    key: await readFile(keyPath, "utf8"),
    certPath,
    keyPath,
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
