/**
 * A TCP proxy for fault tests: sits between a process and a server (PostgreSQL here) so a test
 * can cut the link without stopping the server that other test files share.
 *
 * - `down()`: every proxied connection is reset (RST to the client, the upstream side closed)
 *   and new connections are reset as soon as they arrive — what a client sees when the server
 *   restarts or a firewall rejects it.
 * - `partition()`: packets are dropped — forwarded connections go silent both ways and new
 *   connections are accepted but never answered — what a client sees when the server's host
 *   dies or the network between them splits. Nothing is reset: only the client's own
 *   timeouts end its waits.
 * - `up()`: new connections are forwarded again (connections cut or silenced before stay dead).
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
  /** Connections reset on arrival while down, or left unanswered while partitioned. */
  readonly refusedConnections: number;
  readonly mode: ProxyMode;
  /** Resets every forwarded connection and refuses (resets) new ones. */
  down(): void;
  /** Drops every byte both ways on forwarded connections; accepts new ones and never answers. */
  partition(): void;
  /** Forwards new connections again. */
  up(): void;
  close(): Promise<void>;
}

export type ProxyMode = "up" | "down" | "partitioned";

interface Link {
  client: Socket;
  upstream: Socket;
}

export async function startTcpProxy(options: { targetHost: string; targetPort: number }): Promise<TcpProxy> {
  const links = new Set<Link>();
  /** Client sockets held silent during a partition. */
  const silenced = new Set<Socket>();
  let mode: ProxyMode = "up";
  let forwardedConnections = 0;
  let refusedConnections = 0;

  const cut = (link: Link) => {
    // Once per link; a silenced link has left the set and belongs to the partition.
    if (!links.delete(link)) return;
    if (!link.client.destroyed) link.client.resetAndDestroy();
    link.upstream.destroy();
  };

  const silence = (client: Socket) => {
    silenced.add(client);
    client.on("error", () => silenced.delete(client));
    client.on("close", () => silenced.delete(client));
    // Read and drop: the peer's writes succeed and vanish, as on a dead network path.
    client.on("data", () => {});
    client.resume();
  };

  const resetSilenced = () => {
    for (const client of silenced) client.resetAndDestroy();
    silenced.clear();
  };

  const server: Server = createServer((client) => {
    if (mode === "down") {
      refusedConnections += 1;
      client.resetAndDestroy();
      return;
    }
    if (mode === "partitioned") {
      refusedConnections += 1;
      silence(client);
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
    get mode() {
      return mode;
    },
    down() {
      mode = "down";
      for (const link of [...links]) cut(link);
      resetSilenced();
    },
    partition() {
      mode = "partitioned";
      for (const link of [...links]) {
        links.delete(link);
        link.client.unpipe(link.upstream);
        link.upstream.unpipe(link.client);
        // The server side is gone for good; the client side hangs until its own timeouts fire.
        link.upstream.destroy();
        silence(link.client);
      }
    },
    up() {
      // Connections silenced by a partition never recover: their byte streams lost data.
      resetSilenced();
      mode = "up";
    },
    async close() {
      mode = "down";
      for (const link of [...links]) cut(link);
      resetSilenced();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
