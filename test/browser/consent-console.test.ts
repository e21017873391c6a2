/**
 * Consent in the browser console, from where quickstart.sh leaves a deployment: a seeded patient
 * with no consent. The therapist's upload is refused with consent.missing, whose message leads to
 * the patient's consent screen; the therapist records a written consent there and the same
 * upload goes through. The patient then views their consent, withdraws it (reason, erase,
 * confirmation dialog), grants it again electronically after reading the form, and withdraws
 * only part of it (AI notes, then one cloud provider); the therapist records a withdrawal the
 * patient made before them. axe-core on every screen and state.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pcmWav } from "@confide/core/testing";
import type { PageGlobals } from "./support/page-globals.ts";
import { checkAtWidths, shoot, signIn, startConsoleHarness, type ConsoleHarness, type ConsolePage } from "./support/console-harness.ts";

let harness: ConsoleHarness;
let therapist: ConsolePage;
let patient: ConsolePage;

beforeAll(async () => {
  // Live sessions by a Whisper server on a public host: a provider outside the deployment, which a
  // live session (not an upload) needs cloud_processing for. The server is never called here.
  harness = await startConsoleHarness({ CONFIDE_LIVE: "whisper", CONFIDE_WHISPER_URL: "https://whisper.example.org" }, { consent: false });
  [therapist, patient] = await Promise.all([harness.newPage(), harness.newPage()]);
}, 180_000);

afterAll(async () => {
  await harness?.stop();
});

const recording = () => ({ name: "week-1.wav", mimeType: "audio/wav", buffer: Buffer.from(pcmWav({ dataBytes: 16_000, silent: true })) });

const focused = (consolePage: ConsolePage) =>
  consolePage.page.evaluate(() => {
    const element = (globalThis as unknown as PageGlobals).document.activeElement;
    return element ? `${element.tagName.toLowerCase()}: ${element.textContent}` : null;
  });

describe("consent in the console", () => {
  it("leads the therapist from a refused upload to the patient's consent, records it, and then uploads", async () => {
    const { page, problems } = therapist;
    await signIn(page, harness.server.accounts.therapist, "Sessions");
    const navigation = page.getByRole("navigation", { name: "Main" });
    expect(await navigation.getByRole("link").allTextContents()).toEqual(["Sessions", "Pending review", "Upload", "Live session", "Patients", "Your account"]);

    await navigation.getByRole("link", { name: "Upload" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload a recording" }).waitFor();
    await page.getByLabel("Patient", { exact: true }).selectOption({ label: "Pat Patient (patient@confide.local)" });
    await page.getByLabel("Recording", { exact: true }).setInputFiles(recording());
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "This patient has not given consent to recording." }).waitFor();
    // The refusal takes the focus where it is said (the form's fields were disabled while sending).
    await expect.poll(() => focused(therapist)).toMatch(/^div: This patient has not given consent to recording\./);
    expect((await harness.checkScreen(page, "consent-01-upload-refused")).blocking).toEqual([]);

    await page.getByRole("link", { name: "Record this patient's consent" }).click();
    await page.getByRole("heading", { level: 1, name: "Consent: Pat Patient" }).waitFor();
    expect(await focused(therapist)).toBe("h1: Consent: Pat Patient");
    await page.getByText("No consent recorded yet.").waitFor();
    expect(await page.getByTestId("consent-in-force").textContent()).toBe("Nothing");
    await page.getByText("Your therapist would like to record your therapy sessions in Confide.").waitFor();
    expect((await harness.checkScreen(page, "consent-02-therapist-no-consent")).blocking).toEqual([]);

    // Nothing is ticked for the therapist, not even how the patient gave it; each scope says where it stands.
    const grant = page.getByRole("region", { name: "Record consent" });
    expect(await Promise.all((await grant.getByRole("checkbox").all()).map((box) => box.isChecked()))).toEqual([false, false, false, false]);
    expect(await Promise.all((await grant.getByRole("radio").all()).map((radio) => radio.isChecked()))).toEqual([false, false]);
    expect(await page.getByTestId("grant-recording-state").textContent()).toBe("Now: not given.");
    // Only the cloud service this deployment uses is listed, by its product name; no form id anywhere.
    expect((await grant.getByRole("group", { name: "Cloud processing" }).locator("label").allTextContents())).toEqual(["Whisper speech-to-text server (live sessions)"]);
    expect(await page.getByText("confide-console-consent-2").count()).toBe(0);
    await page.getByLabel("Agreed aloud in front of me").waitFor();
    await shoot(page, "consent-therapist-untouched", grant);
    // Nothing chosen: said in the form, nothing sent.
    await page.getByRole("button", { name: "Record consent" }).click();
    await grant.getByRole("alert").filter({ hasText: "Choose at least one thing to consent to." }).waitFor();
    await grant.getByRole("alert").filter({ hasText: "Choose how the patient gave their consent." }).waitFor();
    expect(await page.getByTestId("consent-in-force").textContent()).toBe("Nothing");
    for (const label of ["Recording", "Transcription", "AI notes", "Whisper speech-to-text server (live sessions)"]) {
      await grant.getByLabel(label, { exact: true }).check();
    }
    await page.getByLabel("Signed a paper form").check();
    await shoot(page, "consent-therapist-ticked", grant);
    await checkAtWidths(harness, page, "consent-02b-therapist-ticked");
    await page.getByRole("button", { name: "Record consent" }).click();
    await page.getByTestId("consent-in-force").filter({ hasText: "Recording, Transcription, AI notes, Cloud processing by Whisper speech-to-text server (live sessions) since" }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "Granted: Recording, Transcription, AI notes, Cloud processing by Whisper speech-to-text server (live sessions)." }).filter({ hasText: "signed a paper form" }).waitFor();
    // The form is empty again, and says what is given now.
    await expect.poll(() => page.getByTestId("grant-recording-state").textContent()).toBe("Now: given.");
    expect(await Promise.all((await grant.getByRole("checkbox").all()).map((box) => box.isChecked()))).toEqual([false, false, false, false]);
    expect((await harness.checkScreen(page, "consent-03-therapist-recorded")).blocking).toEqual([]);

    // The form named by the grant is the text shown, hashed in the browser.
    const asTherapist = { headers: { authorization: `Bearer ${harness.server.tokens.therapist}` } };
    const consentUrl = `${harness.baseUrl}/v1/patients/${harness.server.accounts.patient.user.id}/consent`;
    const status = (await (await fetch(consentUrl, asTherapist)).json()) as { active: { form: { version: string; textSha256: string } } };
    expect(status.active.form.version).toBe("confide-console-consent-2");
    const shownText = (await page.locator(".consent-form-text p").allTextContents()).join("\n\n");
    expect(status.active.form.textSha256).toBe(createHash("sha256").update(shownText).digest("hex"));

    await page.getByRole("link", { name: "Upload a session for Pat Patient" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload a recording" }).waitFor();
    // The picker fills in once the therapist's patients have loaded.
    await expect.poll(() => page.getByLabel("Patient", { exact: true }).inputValue(), { timeout: 15_000 }).toBe(harness.server.accounts.patient.user.id);
    await page.getByLabel("Recording", { exact: true }).setInputFiles(recording());
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Recording uploaded" }).waitFor({ timeout: 60_000 });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();
    await page.getByRole("heading", { level: 1, name: "Patients" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "Pat Patient" });
    await row.getByText("Allowed").waitFor();
    expect(await row.textContent()).toContain("Recording, Transcription, AI notes");
    expect((await harness.checkScreen(page, "consent-04-patients")).blocking).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("lets the patient view their consent, withdraw it behind a confirmation, and grant it again", async () => {
    const { page, problems } = patient;
    await signIn(page, harness.server.accounts.patient, "My sessions");
    const navigation = page.getByRole("navigation", { name: "Main" });
    expect(await navigation.getByRole("link").allTextContents()).toEqual(["My sessions", "My consent"]);
    await navigation.getByRole("link", { name: "My consent" }).click();
    await page.getByRole("heading", { level: 1, name: "My consent" }).waitFor();
    await page.getByTestId("consent-in-force").filter({ hasText: "Recording, Transcription, AI notes" }).waitFor();
    await page.getByText("Your therapist may record your sessions.").waitFor();
    await page.getByRole("listitem").filter({ hasText: "Granted" }).filter({ hasText: "signed a paper form" }).waitFor();
    expect((await harness.checkScreen(page, "consent-05-patient-view")).blocking).toEqual([]);

    await page.getByLabel("Reason (optional)").fill("I would rather take notes myself");
    await page.getByLabel("Also erase my sessions").check();
    await page.getByRole("button", { name: "Withdraw consent" }).click();
    const dialog = page.getByRole("dialog", { name: "Withdraw your consent?" });
    await dialog.waitFor();
    await dialog.getByText("every one of your sessions is erased for good").waitFor();
    // The safe answer has the focus; Escape closes the dialog without withdrawing.
    expect(await focused(patient)).toBe("button: Cancel");
    expect((await harness.checkScreen(page, "consent-06-patient-withdraw-dialog")).blocking).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByTestId("consent-in-force").textContent()).toContain("Recording");

    await page.getByRole("button", { name: "Withdraw consent" }).click();
    await dialog.getByRole("button", { name: "Withdraw and erase" }).click();
    await page.getByTestId("consent-in-force").filter({ hasText: /^Nothing$/ }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "Withdrawn" }).filter({ hasText: "Reason: I would rather take notes myself. Sessions erased." }).waitFor();
    await page.getByText("Your therapist cannot record your sessions until your consent covers: Recording, Transcription.").waitFor();
    expect((await harness.checkScreen(page, "consent-07-patient-withdrawn")).blocking).toEqual([]);

    // The therapist's session was erased with the withdrawal.
    const sessions = (await (await fetch(`${harness.baseUrl}/v1/sessions`, { headers: { authorization: `Bearer ${harness.server.tokens.therapist}` } })).json()) as {
      items: unknown[];
    };
    expect(sessions.items).toEqual([]);

    // Electronic consent again, the form's text on the screen above the choices; nothing ticked,
    // what was withdrawn says so. Live sessions by the outside engine are left out.
    await page.getByRole("heading", { name: "Consent form", exact: true }).waitFor();
    const grant = page.getByRole("region", { name: "Give your consent" });
    expect(await Promise.all((await grant.getByRole("checkbox").all()).map((box) => box.isChecked()))).toEqual([false, false, false, false]);
    await expect.poll(() => page.getByTestId("grant-ai_notes-state").textContent()).toMatch(/^Now: withdrawn on .+\. It stays withdrawn unless you tick it\.$/);
    expect(await page.getByText("confide-console-consent-2").count()).toBe(0);
    await shoot(page, "consent-patient-untouched", grant);
    await grant.getByLabel("Recording", { exact: true }).check();
    await grant.getByLabel("Transcription").check();
    await shoot(page, "consent-patient-ticked", grant);
    await checkAtWidths(harness, page, "consent-07b-patient-ticked");
    await page.getByRole("button", { name: "I consent" }).click();
    await page.getByTestId("consent-in-force").filter({ hasText: "Recording, Transcription since" }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "Granted: Recording, Transcription." }).filter({ hasText: "given in the console" }).waitFor();
    await page.getByText("Your therapist may record your sessions.").waitFor();
    expect((await harness.checkScreen(page, "consent-08-patient-granted")).blocking).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("lets the patient withdraw only part of their consent: one scope, then one cloud provider", async () => {
    const { page, problems } = patient;
    // AI notes and live sessions by the outside engine again, on top of recording and transcription.
    const grant = page.getByRole("region", { name: "Give your consent" });
    await grant.getByLabel("AI notes").check();
    await grant.getByLabel("Whisper speech-to-text server (live sessions)").check();
    await page.getByRole("button", { name: "I consent" }).click();
    await page.getByTestId("consent-in-force").filter({ hasText: "Recording, Transcription, AI notes, Cloud processing by Whisper speech-to-text server (live sessions) since" }).waitFor();

    const withdrawal = page.getByRole("region", { name: "Withdraw your consent" });
    // Polled, as every read below that does not wait by itself: the screen renders after the click.
    await expect.poll(() => withdrawal.getByLabel("Withdraw everything").isChecked()).toBe(true);
    await withdrawal.getByLabel("Withdraw only part").check();
    // A checkbox for each thing in force, each cloud provider on its own; none ticked.
    const ends = withdrawal.getByRole("group", { name: "What ends" });
    await ends.waitFor();
    await expect
      .poll(async () => (await ends.locator("label").allTextContents()).sort())
      .toEqual(["AI notes", "Cloud processing by Whisper speech-to-text server (live sessions)", "Recording", "Transcription"]);
    expect(await Promise.all((await ends.getByRole("checkbox").all()).map((box) => box.isChecked()))).toEqual([false, false, false, false]);

    // Nothing chosen: said in the form, nothing asked or sent.
    await withdrawal.getByRole("button", { name: "Withdraw consent" }).click();
    await withdrawal.getByRole("alert").filter({ hasText: "Choose at least one thing to withdraw." }).waitFor();
    const dialog = page.getByRole("dialog", { name: "Withdraw your consent?" });
    expect(await dialog.isVisible()).toBe(false);
    expect((await harness.checkScreen(page, "consent-09-patient-withdraw-part-empty")).blocking).toEqual([]);

    // Recording is what an upload needs: the confirmation says the therapist can no longer record.
    await ends.getByLabel("Recording", { exact: true }).check();
    await withdrawal.getByRole("button", { name: "Withdraw consent" }).click();
    await dialog.getByText("Your consent ends for: Recording. The rest stays in force. Your therapist can no longer record or process your sessions").waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await ends.getByLabel("Recording", { exact: true }).uncheck();

    await ends.getByLabel("AI notes").check();
    await withdrawal.getByRole("button", { name: "Withdraw consent" }).click();
    await dialog.getByText("Your consent ends for: AI notes. The rest stays in force. Your therapist may still record your sessions.").waitFor();
    await expect.poll(() => focused(patient)).toBe("button: Cancel");
    expect((await harness.checkScreen(page, "consent-10-patient-withdraw-part-dialog")).blocking).toEqual([]);
    await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
    await page.getByTestId("consent-in-force").filter({ hasText: /^Recording, Transcription, Cloud processing by Whisper speech-to-text server \(live sessions\) since/ }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "Withdrawn: AI notes." }).waitFor();
    await page.getByText("Your therapist may record your sessions.").waitFor();
    // The outcome is shown and focused where the form was (not left on the page body).
    await expect.poll(() => focused(patient)).toBe("p: ✓ Consent withdrawn.");
    await expect.poll(() => withdrawal.getByLabel("Withdraw everything").isChecked()).toBe(true);
    expect((await harness.checkScreen(page, "consent-11-patient-withdrew-part")).blocking).toEqual([]);

    // Then cloud processing by the one provider, which only live sessions need.
    await withdrawal.getByLabel("Withdraw only part").check();
    await ends.getByLabel("Cloud processing by Whisper speech-to-text server (live sessions)").check();
    await withdrawal.getByRole("button", { name: "Withdraw consent" }).click();
    await dialog.getByText("Your consent ends for: Cloud processing by Whisper speech-to-text server (live sessions). The rest stays in force.").waitFor();
    await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
    await page.getByTestId("consent-in-force").filter({ hasText: /^Recording, Transcription since/ }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "Withdrawn: Cloud processing by Whisper speech-to-text server (live sessions)." }).waitFor();

    // What the API holds: uploads still allowed, a live session now missing the provider.
    const consent = (await (await fetch(`${harness.baseUrl}/v1/me/consent`, { headers: { authorization: `Bearer ${harness.server.tokens.patient}` } })).json()) as {
      needs: { upload: { missing: { scopes: string[]; cloudProviders: string[] } }; live?: { missing: { cloudProviders: string[] } } };
    };
    expect(consent.needs.upload.missing).toEqual({ scopes: [], cloudProviders: [] });
    expect(consent.needs.live?.missing.cloudProviders).toEqual(["whisper-live"]);
    expect(problems).toEqual([]);
  });

  it("lets the therapist record a withdrawal the patient made before them", async () => {
    const { page, problems } = therapist;
    // From the Patients screen, whatever screen the tests before left open.
    await page.getByRole("navigation").getByRole("link", { name: "Patients", exact: true }).click();
    await page.getByRole("link", { name: "Pat Patient" }).click();
    await page.getByRole("heading", { level: 1, name: "Consent: Pat Patient" }).waitFor();
    await page.getByTestId("consent-in-force").filter({ hasText: "Recording, Transcription since" }).waitFor();
    await page.getByRole("button", { name: "Record the withdrawal" }).click();
    const dialog = page.getByRole("dialog", { name: "Record this withdrawal?" });
    await dialog.waitFor();
    expect((await harness.checkScreen(page, "consent-12-therapist-withdraw-dialog")).blocking).toEqual([]);
    await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
    await page.getByTestId("consent-in-force").filter({ hasText: /^Nothing$/ }).waitFor();
    await page.getByText("No sessions can be uploaded for this patient until their consent covers: Recording, Transcription.").waitFor();
    expect((await harness.checkScreen(page, "consent-13-therapist-withdrawn")).blocking).toEqual([]);

    // The patient's route to a session is gone: no placeholder, nothing clinical.
    await patient.page.goto("/sessions/anything");
    await patient.page.getByRole("heading", { level: 1 }).waitFor();
    expect(await patient.page.getByRole("heading", { level: 1 }).textContent()).not.toBe("Session");
    expect(problems).toEqual([]);
  });
});
