/**
 * A TCP proxy for fault tests: sits between a process and a server (PostgreSQL here) so a test
 * can cut the link without stopping the server that other test files share.
 *
 * - `down()`: every proxied connection is reset (RST to the client, the upstream side closed)
 *   and new connections are reset as soon as they arrive — what a client sees when the server
 *   restarts or a firewall rejects it.
 * - `up()`: new connections are forwarded again.
 */
import { connect, createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface TcpProxy {
  /** Port the proxy listens on (127.0.0.1). */
  port: number;
  /** Connections forwarded right now. */
  readonly openConnections: number;
  /** Connections accepted and forwarded since the start. */
  readonly forwardedConnections: number;
  /** Connections reset on arrival while down. */
  readonly refusedConnections: number;
  readonly isDown: boolean;
  /** Resets every forwarded connection and refuses (resets) new ones. */
  down(): void;
  /** Forwards new connections again. */
  up(): void;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream: Socket;
}

export async function startTcpProxy(options: { targetHost: string; targetPort: number }): Promise<TcpProxy> {
  const links = new Set<Link>();
  let isDown = false;
  let forwardedConnections = 0;
  let refusedConnections = 0;

  const cut = (link: Link) => {
    links.delete(link);
    if (!link.client.destroyed) link.client.resetAndDestroy();
    link.upstream.destroy();
  };

  const server: Server = createServer((client) => {
    if (isDown) {
      refusedConnections += 1;
      client.resetAndDestroy();
      return;
    }
    forwardedConnections += 1;
    const upstream = connect({ host: options.targetHost, port: options.targetPort });
    const link: Link = { client, upstream };
    links.add(link);
    // Either side failing or closing ends the other: the proxy never keeps half a link.
    client.on("error", () => cut(link));
    upstream.on("error", () => cut(link));
    client.on("close", () => cut(link));
    upstream.on("close", () => cut(link));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    get openConnections() {
      return links.size;
    },
    get forwardedConnections() {
      return forwardedConnections;
    },
    get refusedConnections() {
      return refusedConnections;
    },
    get isDown() {
      return isDown;
    },
    down() {
      isDown = true;
      for (const link of [...links]) cut(link);
    },
    up() {
      isDown = false;
    },
    async close() {
      isDown = true;
      for (const link of [...links]) cut(link);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
