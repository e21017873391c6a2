import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestWithTimeout } from "./confide-api-client.ts";

let server: Server | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server that resets the connection of its first `resets` requests and answers 200 "ok" after. */
async function resettingServer(resets: number): Promise<{ base: string; requests: () => number }> {
  let requests = 0;
  server = createServer((request, response) => {
    requests += 1;
    if (requests <= resets) {
      request.socket.resetAndDestroy();
      return;
    }
    response.end("ok");
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

describe("the fault tests' requests", () => {
  it("send a GET once more when its connection was reset, and say so", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { base, requests } = await resettingServer(1);
    const response = await requestWithTimeout(`${base}/v1/sessions/s-1`);
    expect(await response.text()).toBe("ok");
    expect(requests()).toBe(2);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^GET http:\/\/127\.0\.0\.1:\d+\/v1\/sessions\/s-1: connection reset \(ECONNRESET\)/));
  });

  it("fail, naming the request, when the second GET is reset too", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { base, requests } = await resettingServer(2);
    await expect(requestWithTimeout(`${base}/readyz`)).rejects.toThrow(/^GET http:\/\/127\.0\.0\.1:\d+\/readyz failed at /);
    expect(requests()).toBe(2);
  });

  it("never send a POST twice", async () => {
    const { base, requests } = await resettingServer(1);
    await expect(requestWithTimeout(`${base}/v1/sessions`, { method: "POST", body: "{}" })).rejects.toThrow(/^POST .* failed at /);
    expect(requests()).toBe(1);
  });

  it("fail at once, naming the request, when nothing listens", async () => {
    const { base } = await resettingServer(0);
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    const failure = await requestWithTimeout(`${base}/readyz`).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(((failure as Error).cause as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
  });
});
