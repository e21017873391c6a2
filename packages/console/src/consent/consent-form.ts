import type { ActiveConsent, ConsentForm, ConsentScopeEntry, ConsentStatus } from "./consent-api.ts";

/**
 * The consent form the console shows before a grant: the patient reads it before consenting
 * electronically, the therapist sees the same text when recording a written or witnessed
 * consent. A grant names it by its version and the sha256 of this exact text.
 */
export const consentFormVersion = "confide-console-consent-2";

export const consentFormParagraphs: readonly string[] = [
  "Your therapist would like to record your therapy sessions in Confide.",
  "Recording: the audio of a session is stored so it can be transcribed. Transcription: the words are written out, with who said them, for your therapist to review.",
  "AI notes: a program drafts clinical notes and a short summary for you from the transcript; your therapist checks them before they are final. Where your therapist's service has it turned on, during a live session the program may also suggest to your therapist a way to say back what you said.",
  "Cloud processing: when this deployment uses a speech or language service outside it, the session is sent to the services named; without this choice they are not used for you.",
  "You can withdraw any part of your consent at any time, in the console or by telling your therapist. Processing that is not finished stops at once, and you may ask for your sessions to be erased.",
];

export const consentFormText = consentFormParagraphs.join("\n\n");

/** The form as a grant names it: its version and the sha256 (hex) of its text, hashed in the browser. */
export async function consentForm(): Promise<ConsentForm> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(consentFormText));
  const textSha256 = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return { version: consentFormVersion, textSha256 };
}

export type PlainScope = "recording" | "transcription" | "ai_notes";

export const scopeLabels: Record<PlainScope | "cloud_processing", { label: string; hint: string }> = {
  recording: { label: "Recording", hint: "Storing the audio of sessions. Needed to upload a session." },
  transcription: { label: "Transcription", hint: "Writing out the words of a session. Needed to upload a session." },
  ai_notes: { label: "AI notes", hint: "Draft clinical notes and a summary for the patient; where turned on, suggested reflections in live sessions." },
  cloud_processing: { label: "Cloud processing", hint: "Sending sessions to the speech and language services named below." },
};

/**
 * Each cloud provider by its product name, as patients and clinicians read it; the API's ids
 * (`azure-speech`, `transcribe`) show only under "Details". A provider this list does not know is
 * shown by its id: never a vague name that could hide which service it is.
 */
const cloudProviderProducts: Record<string, string> = {
  "azure-speech": "Microsoft Azure AI Speech",
  "azure-text-analytics": "Microsoft Azure AI Language",
  "azure-live": "Microsoft Azure AI Speech (live sessions)",
  "azure-openai": "Microsoft Azure OpenAI",
  transcribe: "Amazon Transcribe",
  "transcribe-streaming": "Amazon Transcribe (live sessions)",
  comprehend: "Amazon Comprehend",
  bedrock: "Amazon Bedrock",
  openai: "OpenAI API",
  whisper: "Whisper speech-to-text server",
  "whisper-live": "Whisper speech-to-text server (live sessions)",
  "vosk-live": "Vosk speech-to-text server (live sessions)",
};

/** A cloud provider by its product name ("Amazon Transcribe"); an unknown one by its id. */
export function describeProvider(provider: string): string {
  return cloudProviderProducts[provider] ?? provider;
}

/** Where one scope stands now: in force, withdrawn after it was given, or never given. */
export type ScopeState = { kind: "given" } | { kind: "withdrawn"; at: string } | { kind: "never" };

type ScopeKey = PlainScope | `cloud:${string}`;

const keysOf = (entries: readonly ConsentScopeEntry[]): ScopeKey[] =>
  entries.flatMap((entry): ScopeKey[] => (entry.scope === "cloud_processing" ? entry.providers.map((provider): ScopeKey => `cloud:${provider}`) : [entry.scope]));

/**
 * Where each scope and each cloud provider stands now, from what is in force and the history:
 * what the grant form says beside each checkbox, none of which it ticks.
 */
export function scopeStates(status: Pick<ConsentStatus, "active" | "history">): (key: ScopeKey) => ScopeState {
  const given = new Set<ScopeKey>([...status.active.scopes, ...status.active.cloudProviders.map((provider): ScopeKey => `cloud:${provider}`)]);
  const withdrawnAt = new Map<ScopeKey, string>();
  for (const record of status.history) {
    if (record.kind !== "withdrawal") continue;
    for (const key of keysOf(record.scopes)) withdrawnAt.set(key, record.at);
  }
  return (key) => {
    if (given.has(key)) return { kind: "given" };
    const at = withdrawnAt.get(key);
    return at === undefined ? { kind: "never" } : { kind: "withdrawn", at };
  };
}

/** What the form's choices send as scopes. */
export interface ScopeChoice {
  scopes: PlainScope[];
  cloudProviders: string[];
}

export function scopeEntries(choice: ScopeChoice): ConsentScopeEntry[] {
  const entries: ConsentScopeEntry[] = choice.scopes.map((scope) => ({ scope }));
  if (choice.cloudProviders.length > 0) entries.push({ scope: "cloud_processing", providers: choice.cloudProviders });
  return entries;
}

/** `list` with `item` added (once) or taken out: what a checkbox's change does to a choice. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  const others = list.filter((x) => x !== item);
  return on ? [...others, item] : others;
}

/** How many things a withdrawal could end one by one: each scope in force and each cloud provider. */
export function inForceCount(active: Pick<ActiveConsent, "scopes" | "cloudProviders">): number {
  return active.scopes.length + active.cloudProviders.length;
}

/**
 * The scopes a partial withdrawal sends: what is chosen and still in force, in the order it is in
 * force (a choice the consent no longer holds is dropped); empty when nothing in force is chosen.
 */
export function withdrawalEntries(active: Pick<ActiveConsent, "scopes" | "cloudProviders">, chosen: ScopeChoice): ConsentScopeEntry[] {
  return scopeEntries({
    scopes: active.scopes.filter((scope) => chosen.scopes.includes(scope)),
    cloudProviders: active.cloudProviders.filter((provider) => chosen.cloudProviders.includes(provider)),
  });
}

/** True when withdrawing `entries` takes away something this deployment requires to upload a session. */
export function endsUploads(status: Pick<ConsentStatus, "needs">, entries: readonly ConsentScopeEntry[]): boolean {
  const { required } = status.needs.upload;
  return entries.some((entry) =>
    entry.scope === "cloud_processing"
      ? entry.providers.some((provider) => required.cloudProviders.includes(provider))
      : required.scopes.includes(entry.scope),
  );
}

/** True when the patient's consent covers what this deployment needs to upload a session (the API says what). */
export function allowsUploads(status: Pick<ConsentStatus, "needs">): boolean {
  const { missing } = status.needs.upload;
  return missing.scopes.length === 0 && missing.cloudProviders.length === 0;
}

/** The cloud providers this deployment sends sessions or notes to: what a grant must name. */
export function usedCloudProviders(status: Pick<ConsentStatus, "needs">): string[] {
  const { upload, live, notes } = status.needs;
  return [...new Set([upload, live, notes].flatMap((need) => need?.required.cloudProviders ?? []))];
}

/** What is in force, in words: "Recording, Transcription, AI notes, Cloud processing by Amazon Transcribe". */
export function describeScopes(entries: readonly ConsentScopeEntry[] | Pick<ActiveConsent, "scopes" | "cloudProviders">): string {
  const plain = "cloudProviders" in entries ? entries.scopes : entries.flatMap((entry) => (entry.scope === "cloud_processing" ? [] : [entry.scope]));
  const providers =
    "cloudProviders" in entries ? entries.cloudProviders : entries.flatMap((entry) => (entry.scope === "cloud_processing" ? entry.providers : []));
  const parts = plain.map((scope) => scopeLabels[scope].label);
  if (providers.length > 0) parts.push(`Cloud processing by ${providers.map(describeProvider).join(", ")}`);
  return parts.length === 0 ? "Nothing" : parts.join(", ");
}
