/**
 * What the Azure AI services (Cognitive Services) gateway does before a request reaches Speech
 * or Language: it admits `Ocp-Apim-Subscription-Key: <key>` or `Authorization: Bearer <token>`
 * and refuses anything else with 401 in its own error format.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./local-http-server.ts";

export function admitCognitiveServicesCaller(
  request: IncomingMessage,
  response: ServerResponse,
  credentials: { key: string; bearerToken: string },
): boolean {
  if (request.headers["ocp-apim-subscription-key"] === credentials.key || request.headers.authorization === `Bearer ${credentials.bearerToken}`) {
    return true;
  }
  sendJson(response, 401, {
    error: {
      code: "401",
      message:
        "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.",
    },
  });
  return false;
}
