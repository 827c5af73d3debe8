/**
 * The simulator's address plan: IPv4 from 198.19.0.0/16 and IPv6 from the benchmarking range 2001:2::/48
 * (RFC 5180) — node i at 198.19.0.(10+i) / 2001:2::(10+i), its pods in 198.19.(100+i).0/24 /
 * 2001:2:0:(100+i)::/64 behind gateway .1 / ::1 — and the order the API lists a cluster's families in.
 */

/** Address plan of node `index` (1-based). */
export function nodeAddress(index: number): string {
  return `198.19.0.${10 + index}`;
}

/** Pod range of node `index`. */
export function podCidr(index: number): string {
  return `198.19.${100 + index}.0/24`;
}

/** Pod IP number `host` (2..254) of node `index`. */
export function podAddress(index: number, host: number): string {
  return `198.19.${100 + index}.${host}`;
}

export function gatewayOf(index: number): string {
  return `198.19.${100 + index}.1`;
}

/** The cluster's IP families: IPv4 only (default), IPv6 only, or dual-stack with IPv4 or IPv6 first. */
export const SIM_IP_FAMILIES = ['ipv4', 'ipv6', 'dual', 'dual-ipv6-first'] as const;
export type SimIpFamily = (typeof SIM_IP_FAMILIES)[number];
export type Family = 4 | 6;

/** The families of a cluster in the order the API lists its addresses (podIPs, hostIPs, InternalIPs). */
export function familiesOf(family: SimIpFamily): Family[] {
  if (family === 'ipv4') return [4];
  if (family === 'ipv6') return [6];
  return family === 'dual' ? [4, 6] : [6, 4];
}

const hex = (value: number) => value.toString(16);

/** IPv6 address of node `index`. */
export function nodeAddress6(index: number): string {
  return `2001:2::${hex(10 + index)}`;
}

/** IPv6 pod range of node `index`. */
export function podCidr6(index: number): string {
  return `2001:2:0:${hex(100 + index)}::/64`;
}

/** IPv6 pod address number `host` of node `index`. */
export function podAddress6(index: number, host: number): string {
  return `2001:2:0:${hex(100 + index)}::${hex(host)}`;
}

export function gateway6Of(index: number): string {
  return `2001:2:0:${hex(100 + index)}::1`;
}

/** Node `index`'s InternalIPs, in the cluster's family order. */
export function nodeAddresses(index: number, family: SimIpFamily): string[] {
  return familiesOf(family).map((f) => (f === 4 ? nodeAddress(index) : nodeAddress6(index)));
}

/** Node `index`'s pod ranges, in the cluster's family order. */
export function podCidrs(index: number, family: SimIpFamily): string[] {
  return familiesOf(family).map((f) => (f === 4 ? podCidr(index) : podCidr6(index)));
}

/** Pod IPs of pod number `host` on node `index`, in the cluster's family order. */
export function podAddresses(index: number, host: number, family: SimIpFamily): string[] {
  return familiesOf(family).map((f) => (f === 4 ? podAddress(index, host) : podAddress6(index, host)));
}
