import { isIP } from "node:net";

/**
 * Whether `url` names a server inside the deployment: this machine (`localhost`, loopback
 * addresses), a private network (10/8, 172.16/12, 192.168/16, 169.254/16, 100.64/10 CGNAT,
 * IPv6 unique-local fc00::/7 and link-local fe80::/10), or a host name without a dot or under
 * `.local`/`.internal`/`.lan`/`.home.arpa` (names a clinic's own network resolves). Any other host
 * — a public name or address — is treated as a service outside the deployment.
 */
export function isPrivateNetworkUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, "");
  } catch {
    return false;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const version = isIP(host);
  if (version === 4) return isPrivateIpv4(host);
  if (version === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return isPrivateIpv4(mapped[1] as string);
    return host === "::1" || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
  }
  return !host.includes(".") || [".local", ".internal", ".lan", ".home.arpa"].some((suffix) => host.endsWith(suffix));
}

function isPrivateIpv4(address: string): boolean {
  const [a, b] = address.split(".").map(Number) as [number, number, number, number];
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}
