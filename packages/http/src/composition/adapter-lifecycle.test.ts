import { adapterPortList, adapterPorts, adapterPortToken } from "@confide/core";
import type { AdapterPort, AdapterPortTypes } from "@confide/core/ports";
import { Container } from "inversify";
import { describe, expect, it } from "vitest";
import { closeAdapters, readinessOf, resolveAdapters } from "./adapter-lifecycle.ts";

/** One stand-in per port, recording what is done to it: checks, closes (with their arguments), in order. */
function recordingAdapters(options: { failClose?: AdapterPort; withoutLifecycle?: AdapterPort } = {}) {
  const calls: string[] = [];
  const adapters = {} as Record<AdapterPort, object>;
  for (const port of adapterPorts) {
    adapters[port] =
      port === options.withoutLifecycle
        ? {}
        : {
            async check() {
              calls.push(`check ${port}`);
            },
            async close(...args: unknown[]) {
              calls.push(args.length > 0 ? `close ${port} ${JSON.stringify(args[0])}` : `close ${port}`);
              await new Promise((resolve) => setTimeout(resolve, port === "storage" ? 5 : 0));
              if (port === options.failClose) throw new Error(`${port} failed to close`);
            },
          };
  }
  return { calls, adapters: adapters as unknown as AdapterPortTypes };
}

describe("the port list", () => {
  it("names each port once, with its own variable and injection token", () => {
    expect(adapterPorts).toEqual(Object.keys(adapterPortList));
    expect(new Set(adapterPorts.map((port) => adapterPortList[port].variable)).size).toBe(adapterPorts.length);
    expect(new Set(adapterPorts.map(adapterPortToken)).size).toBe(adapterPorts.length);
    expect(adapterPortToken("storage")).toBe(Symbol.for("confide.port.storage"));
    expect(adapterPortList.risk.variable).toBe("CONFIDE_RISK_SCREEN");
  });
});

describe("resolveAdapters", () => {
  it("resolves every port's binding one after another in the list's order, taking one already under way", async () => {
    const container = new Container();
    const order: string[] = [];
    let running = 0;
    for (const port of adapterPorts) {
      container.bind(adapterPortToken(port)).toDynamicValue(async () => {
        running += 1;
        expect(running).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(port);
        running -= 1;
        return { port };
      });
    }
    const early = Promise.resolve({ port: "early speech" } as unknown as AdapterPortTypes["speech"]);
    const adapters = await resolveAdapters(container, { speech: early });
    expect(order).toEqual(adapterPorts.filter((port) => port !== "speech"));
    expect(adapters.speech).toEqual({ port: "early speech" });
    expect(Object.keys(adapters)).toEqual([...adapterPorts]);
  });
});

describe("closeAdapters", () => {
  it("closes the queue first with its timeout, the repositories last, every other adapter once in between", async () => {
    const { calls, adapters } = recordingAdapters();
    await closeAdapters(adapters, 1234);
    expect(calls[0]).toBe('close queue {"timeoutMs":1234}');
    expect(calls.at(-1)).toBe("close repository");
    const between = calls.slice(1, -1).sort();
    expect(between).toEqual(adapterPorts.filter((port) => port !== "queue" && port !== "repository").map((port) => `close ${port}`).sort());
  });

  it("still closes the others and the repositories when one fails to close, and skips an adapter without close", async () => {
    const { calls, adapters } = recordingAdapters({ failClose: "speech", withoutLifecycle: "agenda" });
    await closeAdapters(adapters, 10);
    expect(calls).toContain("close storage");
    expect(calls.at(-1)).toBe("close repository");
    expect(calls.some((call) => call.startsWith("close agenda"))).toBe(false);
  });
});

describe("readinessOf", () => {
  it("checks each port's adapter, takes an override, and counts an adapter without a check as ready", async () => {
    const { calls, adapters } = recordingAdapters({ withoutLifecycle: "agenda" });
    const parts = readinessOf(adapters, {
      speech: {
        async check() {
          calls.push("check speech (override)");
        },
      },
    });
    expect(Object.keys(parts)).toEqual([...adapterPorts]);
    for (const port of adapterPorts) await parts[port].check();
    expect(calls).toContain("check speech (override)");
    expect(calls).not.toContain("check speech");
    expect(calls).toContain("check repository");
    expect(calls.filter((call) => call.startsWith("check"))).toHaveLength(adapterPorts.length - 1);
  });
});
