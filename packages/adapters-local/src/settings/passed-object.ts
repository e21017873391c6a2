import { z } from "zod";

/** A setting only code passes, as is (a logger, an SDK client, a credential): any object. */
export const passedObject = <T>() => z.custom<T>((value) => typeof value === "object" && value !== null);
