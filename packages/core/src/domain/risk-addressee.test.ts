import { describe, expect, it } from "vitest";
import { addressesListener, fewestListenerWords, listenerWords, speakerWords } from "./risk-addressee.ts";

describe("addressesListener: words that speak to 'you' more than of the speaker", () => {
  it("needs at least three words addressing the listener, and more of them than of the speaker", () => {
    expect(fewestListenerWords).toBe(3);
    expect(addressesListener(["You said you were tired; you are not alone."])).toBe(true);
    expect(addressesListener(["You said you were tired."])).toBe(false);
    // Three each: a tie is the speaker's own account.
    expect(addressesListener(["You said you were tired and you know I am, I think I am."])).toBe(false);
    expect(addressesListener(["You said you were tired and you know I am."])).toBe(true);
    expect(addressesListener([])).toBe(false);
  });

  it("counts every cited text together, case aside, contractions whole", () => {
    expect(addressesListener(["YOU said", "your week", "you’re worn out"])).toBe(true);
    expect(addressesListener(["You're", "yours", "I'm mine myself me my"])).toBe(false);
  });

  it("reads each word of its lists, and no other", () => {
    for (const word of listenerWords) expect(addressesListener([`${word} ${word} ${word}`]), word).toBe(true);
    for (const word of speakerWords) expect(addressesListener([`you you you ${word} ${word} ${word}`]), word).toBe(false);
    expect(addressesListener(["they they they"])).toBe(false);
    expect(addressesListener(["youth yourselfish yours"])).toBe(false);
  });
});
