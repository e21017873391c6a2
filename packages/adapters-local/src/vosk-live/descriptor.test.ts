import { startVoskServer, type VoskServer } from "@confide/contracts/fakes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { voskLiveDescriptor } from "./descriptor.ts";

let server: VoskServer;
beforeAll(async () => {
  server = await startVoskServer();
});
afterAll(async () => {
  await server.close();
});

describe("CONFIDE_LIVE=vosk", () => {
  it("requires the server's WebSocket URL, and waits 5 s for it by default", () => {
    expect(voskLiveDescriptor.settings.safeParse({}).success).toBe(false);
    expect(voskLiveDescriptor.settings.safeParse({ url: "http://vosk:2700" }).success).toBe(false);
    expect(voskLiveDescriptor.settings.parse({ url: "ws://vosk:2700" })).toEqual({ url: "ws://vosk:2700", connectTimeoutMs: 5_000, maxUnansweredMessages: 20 });
    // As the variables give them: text.
    expect(voskLiveDescriptor.settings.parse({ url: "ws://vosk:2700", connectTimeoutMs: "2000" }).connectTimeoutMs).toBe(2_000);
    expect(voskLiveDescriptor.settings.safeParse({ url: "ws://vosk:2700", connectTimeoutMs: "0" }).success).toBe(false);
  });

  it("streams to the configured server", async () => {
    const engine = await voskLiveDescriptor.create(voskLiveDescriptor.settings.parse({ url: server.url }));
    expect(engine.provider).toBe("vosk-live");
    expect(engine.capabilities.partials).toBe(true);
    await engine.check();
    expect(server.connections.length).toBeGreaterThanOrEqual(1);
  });

  it("counts as a cloud provider only at a public address", () => {
    const sendsOut = (url: string) => voskLiveDescriptor.sendsSessionDataOut(voskLiveDescriptor.settings.parse({ url }));
    expect(sendsOut("ws://vosk:2700")).toBe(false);
    expect(sendsOut("ws://10.0.0.5:2700")).toBe(false);
    expect(sendsOut("wss://speech.example.com")).toBe(true);
  });
});
