import type { LiveDeps } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import { upgradeWebSocket } from "@hono/node-server";
import { Hono } from "hono";
import type { AccessTokens } from "../auth/access-token.ts";
import type { AppEnv } from "../app-env.ts";
import { LiveConnection, type LiveHolders, type LiveLimits } from "../live/live-connection.ts";
import { closeCodes, credentialQueryParameters, tokenFromProtocols } from "../live/live-protocol.ts";

export interface LiveRouteOptions {
  deps: LiveDeps;
  tokens: AccessTokens;
  limits: LiveLimits;
  holders: LiveHolders;
}

/**
 * `GET /v1/live`: the live session WebSocket (live-protocol.ts). Needs a server started with a
 * WebSocket server (server.ts); `app.request()` cannot upgrade.
 */
export function createLiveRoute(options: LiveRouteOptions): Hono<AppEnv> {
  const route = new Hono<AppEnv>();
  route.get(
    "/",
    upgradeWebSocket((c) => {
      const url = new URL(c.req.url);
      const credentialInUrl = [...url.searchParams.keys()].some((name) => credentialQueryParameters.includes(name.toLowerCase()));
      let connection: LiveConnection | undefined;
      return {
        onOpen(_event, socket) {
          if (credentialInUrl) {
            socket.send(
              JSON.stringify({
                type: "error",
                code: "auth.unauthenticated",
                message: "Credentials in the URL are refused (URLs are logged): send the token in the first message or in Sec-WebSocket-Protocol.",
                storedBytes: 0,
              }),
            );
            socket.close(closeCodes.policy, "auth.unauthenticated");
            return;
          }
          connection = new LiveConnection({
            deps: options.deps,
            tokens: options.tokens,
            socket,
            limits: options.limits,
            holders: options.holders,
            protocolToken: tokenFromProtocols(c.req.header("sec-websocket-protocol")),
          });
        },
        onMessage(event) {
          connection?.receive(event.data as string | ArrayBuffer);
        },
        onClose() {
          connection?.closed();
        },
        onError() {
          connection?.closed();
        },
      };
    }),
  );
  return route;
}

/** Lets every connection of this process go (shutdown): their sessions stay resumable. */
export async function releaseLiveConnections(holders: LiveHolders): Promise<void> {
  await Promise.allSettled(
    [...holders.values()].map((connection) => connection.release(new ConfideError("live.closed", "The server is shutting down: resume the session."))),
  );
}
