/** CPU time (user + system) a process has used so far, from /proc/<pid>/stat (Linux). */
import { readFile } from "node:fs/promises";

/** Clock ticks per second of /proc's times: 100 on every mainstream Linux build. */
const ticksPerSecond = 100;

export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at ")": state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** CPU time of a process and of its ended children it waited for (cutime, cstime: fields 16–17). */
export async function processAndChildrenCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
}
