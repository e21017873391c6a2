/**
 * The upload baseline: a bare node:http server that pipes each request body, as is, to a new
 * file in the directory given as the first argument, and answers 201 with the byte count.
 * With `?fsync` in the URL, the file is fsynced before the answer (as Confide's blob store does).
 * Prints the same "listening" JSON line as `confide serve`.
 * Run: node bench/support/bare-upload-server.ts <directory>
 */
import { createWriteStream } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";

const directory = process.argv[2];
if (!directory) throw new Error("usage: bare-upload-server.ts <directory>");
let count = 0;

const server = createServer((request, response) => {
  count += 1;
  const fsync = new URL(request.url ?? "/", "http://localhost").searchParams.has("fsync");
  const file = createWriteStream(join(directory, `upload-${count}.bin`), { flush: fsync });
  let sizeBytes = 0;
  request.on("data", (chunk: Buffer) => (sizeBytes += chunk.length));
  pipeline(request, file).then(
    () => {
      response.writeHead(201, { "content-type": "application/json" });
      response.end(JSON.stringify({ sizeBytes }));
    },
    (error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: String(error) }));
    },
  );
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ message: "listening", port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
