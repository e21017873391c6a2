/**
 * Waits until a local server answers HTTP(S) at all (any status), retrying refused or reset
 * connections every 50 ms. `ca` trusts a self-signed certificate for HTTPS. Used by the stand-in
 * launchers after a server reports it is listening.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export async function probeHttp(url: string, options: { ca?: string | undefined; timeoutMs?: number } = {}): Promise<number> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    try {
      return await new Promise<number>((resolve, reject) => {
        const target = new URL(url);
        const send = target.protocol === "https:" ? httpsRequest : httpRequest;
        const request = send(target, { method: "GET", ca: options.ca, timeout: 2_000 }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on("timeout", () => request.destroy(new Error("probe timed out")));
        request.on("error", reject);
        request.end();
      });
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${url} did not answer: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
