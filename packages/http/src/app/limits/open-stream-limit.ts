/** Counts the long-lived streams each user holds open in this process. */
export interface OpenStreamLimit {
  /**
   * Takes one of the user's slots.
   * @returns the function that gives the slot back (calling it again does nothing), or
   * undefined when the user already holds `maxPerUser` streams.
   */
  tryOpen(userId: string): (() => void) | undefined;
}

/** A per-process limit of open streams per user. */
export function createOpenStreamLimit(options: { maxPerUser: number }): OpenStreamLimit {
  const openByUser = new Map<string, number>();
  return {
    tryOpen(userId) {
      const open = openByUser.get(userId) ?? 0;
      if (open >= options.maxPerUser) return undefined;
      openByUser.set(userId, open + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const remaining = (openByUser.get(userId) ?? 1) - 1;
        if (remaining > 0) openByUser.set(userId, remaining);
        else openByUser.delete(userId);
      };
    },
  };
}
