import type { Telemetry, TelemetryOptions } from "./telemetry.ts";

/**
 * Starts telemetry when the configuration asks for it (`CONFIDE_TELEMETRY`, an
 * `OTEL_EXPORTER_OTLP_ENDPOINT`, `CONFIDE_METRICS_PORT`).
 * @returns null when it is off: nothing of OpenTelemetry is loaded.
 */
export async function startTelemetry(options: TelemetryOptions): Promise<Telemetry | null> {
  const { traces, metrics } = options.config.telemetry;
  if (!traces && metrics === undefined) return null;
  const { createOpenTelemetry } = await import("./open-telemetry.ts");
  const telemetry = createOpenTelemetry({ ...options, ...options.config.telemetry });
  started = telemetry;
  return telemetry;
}

let started: Telemetry | null = null;

/**
 * `traceId` and `spanId` of the active span once telemetry has started in this process (its
 * context is process-wide, as OpenTelemetry's is), else nothing: the JSON logger adds them to
 * every line (`createJsonLogger({ context: traceFields })`).
 */
export function traceFields(): { traceId?: string; spanId?: string } {
  return started?.logFields() ?? {};
}
