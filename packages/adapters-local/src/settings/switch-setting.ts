import { z } from "zod";

/**
 * An adapter's yes/no setting: a boolean from code, or its variable's text as `z.stringbool`
 * reads it (`true`, `1`, `yes`, `on`… or `false`, `0`, `no`, `off`…), so settings already
 * parsed parse again to the same.
 */
export const switchSetting = () =>
  z.preprocess((value: boolean | string) => (typeof value === "boolean" ? String(value) : value), z.stringbool());
