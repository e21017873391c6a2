/** One GET on a fresh connection: its status and body, or null when nothing answered (refused, timeout). */
import { get } from "node:http";

export function httpGet(url: string, timeoutMs: number): Promise<{ status: number; text: string } | null> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, text }));
      response.once("error", () => resolve(null));
    });
    request.once("timeout", () => request.destroy());
    request.once("error", () => resolve(null));
  });
}
