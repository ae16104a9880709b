import { BlockList, isIP } from "node:net";

/** Strips the IPv4-mapped IPv6 prefix Node reports for IPv4 peers on a dual-stack socket. */
export function normalizeAddress(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** A matcher for VIGIL_TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 and IPv6. */
export function addressMatcher(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [base = "", bits] = entry.split("/");
    const family = isIP(base) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(base, family);
    else list.addSubnet(base, Number(bits), family);
  }
  return (address) => {
    const normalized = normalizeAddress(address);
    const family = isIP(normalized);
    return family !== 0 && list.check(normalized, family === 6 ? "ipv6" : "ipv4");
  };
}
