import { randomUUID } from "node:crypto";
import type { Ids } from "./ids.ts";

/** Random UUIDv4 ids (never all digits, no `:`). */
export const randomIds: Ids = { newId: () => randomUUID() };
