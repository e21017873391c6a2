import type { LanguageAnalyzer, LiveSpeechToText, NoteWriter, SpeechToText } from "@confide/core/ports";
import type { ConfideConfig } from "../config/config.ts";
import { findAdapter } from "./adapter-registry.ts";

/**
 * The providers of the chosen speech, language, notes and live adapters that send session data
 * out of the deployment with the configured settings (their descriptors' `sendsSessionDataOut`):
 * what `CoreSettings.cloudProviders` holds, so processing and live sessions ask for the patient's
 * `cloud_processing` consent naming each.
 */
export function cloudProvidersOf(
  config: Pick<ConfideConfig, "adapters" | "adapterSettings">,
  created: { speech: SpeechToText; language: LanguageAnalyzer; notes: NoteWriter; live: LiveSpeechToText },
): string[] {
  const ports = ["speech", "language", "notes", "live"] as const;
  return ports
    .filter((port) => findAdapter(port, config.adapters[port])?.sendsSessionDataOut?.(config.adapterSettings[port]) === true)
    .map((port) => created[port].provider);
}
