/** One line on the machine the figures come from: cores, and how busy other processes keep them. */
import { availableParallelism, loadavg } from "node:os";

export function machineLoadLine(): string {
  const [one, five] = loadavg();
  return `machine: ${availableParallelism()} cores, load average ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min)`;
}
