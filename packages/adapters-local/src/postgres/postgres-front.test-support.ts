/**
 * A front for the local PostgreSQL server (which trusts every local connection) that does what
 * RDS does before the server is reached: it speaks TLS when the client asks for it (the
 * PostgreSQL SSLRequest, answered `S`, then a TLS handshake with the given certificate) and,
 * with `askPassword`, asks for a cleartext password and records it before it forwards the
 * startup message. Everything after that is piped both ways unchanged, so real queries run.
 */
import { connect, createServer, type Socket } from "node:net";
import { TLSSocket } from "node:tls";
import type { AddressInfo } from "node:net";

export interface PostgresFront {
  port: number;
  /** The passwords clients sent, one per connection, in order. */
  passwords: string[];
  /** Connections that were upgraded to TLS. */
  tlsConnections: number;
  /** Connections that reached the server. */
  connections: number;
  close(): Promise<void>;
}

const sslRequestCode = 80877103;

/** Reads exactly `length` bytes from a socket that is paused between calls. */
function readBytes(socket: Socket, length: number, carry: { buffer: Buffer }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (carry.buffer.byteLength >= length) {
        socket.off("data", onData);
        socket.off("error", reject);
        socket.off("close", onClose);
        socket.pause();
        const bytes = carry.buffer.subarray(0, length);
        carry.buffer = carry.buffer.subarray(length);
        resolve(bytes);
        return true;
      }
      return false;
    };
    const onData = (chunk: Buffer) => {
      carry.buffer = Buffer.concat([carry.buffer, chunk]);
      check();
    };
    const onClose = () => reject(new Error("the client went away"));
    if (check()) return;
    socket.on("data", onData);
    socket.on("error", reject);
    socket.on("close", onClose);
    socket.resume();
  });
}

/** A length-prefixed message: 4-byte length (itself included), then the body. */
async function readStartup(socket: Socket, carry: { buffer: Buffer }): Promise<Buffer> {
  const header = await readBytes(socket, 4, carry);
  const body = await readBytes(socket, header.readInt32BE(0) - 4, carry);
  return Buffer.concat([header, body]);
}

export async function startPostgresFront(options: {
  upstreamPort: number;
  tls?: { cert: string; key: string };
  askPassword?: boolean;
}): Promise<PostgresFront> {
  const sockets = new Set<Socket>();
  const front: PostgresFront = { port: 0, passwords: [], tlsConnections: 0, connections: 0, close: async () => undefined };
  const server = createServer({ pauseOnConnect: true }, (raw) => {
    sockets.add(raw);
    raw.on("close", () => sockets.delete(raw));
    void (async () => {
      let client: Socket = raw;
      let carry = { buffer: Buffer.alloc(0) };
      let startup = await readStartup(client, carry);
      if (startup.byteLength === 8 && startup.readInt32BE(4) === sslRequestCode) {
        if (options.tls === undefined) {
          client.write("N");
        } else {
          client.write("S");
          const secure = new TLSSocket(client, { isServer: true, cert: options.tls.cert, key: options.tls.key });
          await new Promise<void>((resolve, reject) => {
            secure.once("secure", resolve);
            secure.once("error", reject);
          });
          front.tlsConnections += 1;
          client = secure;
          carry = { buffer: Buffer.alloc(0) };
        }
        startup = await readStartup(client, carry);
      }
      if (options.askPassword) {
        // AuthenticationCleartextPassword, then the client's PasswordMessage ('p').
        client.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]));
        const type = await readBytes(client, 1, carry);
        const length = (await readBytes(client, 4, carry)).readInt32BE(0);
        const body = await readBytes(client, length - 4, carry);
        if (type[0] !== 0x70) throw new Error("expected a password message");
        front.passwords.push(body.subarray(0, body.indexOf(0)).toString("utf8"));
      }
      const upstream = connect(options.upstreamPort, "127.0.0.1");
      sockets.add(upstream);
      upstream.on("close", () => sockets.delete(upstream));
      front.connections += 1;
      upstream.write(startup);
      if (carry.buffer.byteLength > 0) upstream.write(carry.buffer);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    })().catch(() => raw.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  front.port = (server.address() as AddressInfo).port;
  front.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return front;
}
