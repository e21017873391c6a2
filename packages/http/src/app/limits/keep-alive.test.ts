import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { keepAliveTimeoutMs, keepConnectionsOpen } from "./keep-alive.ts";

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
});

describe("keepConnectionsOpen", () => {
  it("tells clients an idle connection stays open 65 s, so their pools give it up first", async () => {
    server = createServer((_request, response) => response.end("ok"));
    keepConnectionsOpen(server);
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;

    const response = await fetch(`http://127.0.0.1:${port}/`);
    await response.text();

    expect(keepAliveTimeoutMs).toBe(65_000);
    expect(response.headers.get("keep-alive")).toBe("timeout=65");
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });
});
