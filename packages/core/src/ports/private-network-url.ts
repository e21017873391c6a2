/**
 * Whether `url` names a server inside the deployment: this machine (`localhost`, loopback
 * addresses), a private network (10/8, 172.16/12, 192.168/16, 169.254/16, 100.64/10 CGNAT,
 * IPv6 unique-local fc00::/7 and link-local fe80::/10), or a host name without a dot or under
 * `.local`/`.internal`/`.lan`/`.home.arpa` (names a clinic's own network resolves). Any other host
 * — a public name or address — is treated as a service outside the deployment, and so is text
 * that is no URL. The rule of `AdapterDescriptor.sendsSessionDataOut` for an adapter that reaches
 * a server at a configured URL (a Whisper or OpenAI-compatible server, a Vosk server).
 *
 * The host is read as the WHATWG URL parser gives it: an IPv4 address in dotted decimal (`0x7f.1`
 * is `127.0.0.1`; a host ending in a number that is no address is no URL), an IPv6 address in
 * brackets, compressed.
 */
export function isPrivateNetworkUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host.startsWith("[")) return isPrivateIpv6(host.slice(1, -1));
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return isPrivateIpv4(host);
  return !host.includes(".") || [".local", ".internal", ".lan", ".home.arpa"].some((suffix) => host.endsWith(suffix));
}

/** Loopback, unique-local (fc00::/7) and link-local (fe80::/10) addresses, as the URL parser writes them. */
function isPrivateIpv6(address: string): boolean {
  return address === "::1" || /^f[cd][0-9a-f]{2}:/.test(address) || /^fe[89ab][0-9a-f]:/.test(address);
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
