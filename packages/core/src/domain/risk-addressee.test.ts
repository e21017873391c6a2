import { describe, expect, it } from "vitest";
import { addressesListener, counsellorMargin, counsellorOf, fewestListenerWords, fewestPersonWords, listenerWords, speakerWords } from "./risk-addressee.ts";

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

describe("counsellorOf: a speaker who addresses the other all session", () => {
  const seg = (speaker: string, text: string) => ({ speaker, text });
  // Counsellor-like: 8 of 10 person words address the listener (0.8). Patient-like: 2 of 10 (0.2).
  const counsellor = seg("S1", "You said you feel you are alone, and your week was hard for you, yourself, you're tired, you know. I hear it, I do.");
  const patient = seg("S2", "I feel I am alone, my week was hard for me and I cried, myself, I'm tired, I know. You know, you see.");

  it("reads the speaker whose share of words addressing the listener exceeds every other's by the margin", () => {
    expect(fewestPersonWords).toBe(10);
    expect(counsellorMargin).toBe(0.2);
    expect(counsellorOf([counsellor, patient]) === "S1").toBe(true);
    expect(counsellorOf([counsellor, patient]) === "S2").toBe(false);
  });

  it("reads nobody as the counsellor when the shares are close, when a speaker is too quiet, or alone", () => {
    // 0.6 against 0.4: a margin of 0.2 exactly is enough; 0.5 against 0.4 is not.
    const sixOfTen = seg("S1", "you you you you you you I I I I");
    const fourOfTen = seg("S2", "you you you you I I I I I I");
    const fiveOfTen = seg("S1", "you you you you you I I I I I");
    expect(counsellorOf([sixOfTen, fourOfTen]) === "S1").toBe(true);
    expect(counsellorOf([fiveOfTen, fourOfTen]) === "S1").toBe(false);
    // Nine person words are too few to read, on either side.
    expect(counsellorOf([seg("S1", "you you you you you you you you you"), patient]) === "S1").toBe(false);
    expect(counsellorOf([counsellor, seg("S2", "I I I I I I I I I")]) === "S1").toBe(false);
    expect(counsellorOf([counsellor]) === "S1").toBe(false);
    expect(counsellorOf([counsellor, patient]) === "S3").toBe(false);
  });

  it("gathers every segment of a speaker, and needs the margin over each other speaker", () => {
    expect(counsellorOf([seg("S1", "you you you you you"), patient, seg("S1", "your yours yourself you're I")]) === "S1").toBe(true);
    const third = seg("S3", "you you you you you you you you you I");
    expect(counsellorOf([counsellor, patient, third]) === "S1").toBe(false);
    expect(counsellorOf([counsellor, patient, seg("S3", "I I I I I I I I I I")]) === "S1").toBe(true);
  });
});
