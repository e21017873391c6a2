// A team's own host: configuration (CONFIDE_* variables) to adapters through @confide/http's
// composition root, then core's use cases on its deps — upload, process, read.
import { createHash, randomUUID } from "node:crypto";
import { createUser, getSession, grantConsent, linkPatient, uploadSession } from "@confide/core";
import { createJsonLogger, createRuntime, loadConfig, startWorker } from "@confide/http";

const silentWav = () => {
  const dataBytes = 32_000;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0); header.writeUInt32LE(36 + dataBytes, 4); header.write("WAVE", 8); header.write("fmt ", 12);
  header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22); header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34); header.write("data", 36); header.writeUInt32LE(dataBytes, 40);
  return new Uint8Array(Buffer.concat([header, Buffer.alloc(dataBytes)]));
};

const runtime = await createRuntime(loadConfig(process.env), createJsonLogger({ level: "warn" }));
try {
  const operator = { userId: "outside-project", role: "admin" };
  const password = `outside-${randomUUID()}`;
  const run = randomUUID().slice(0, 8);
  const therapistUser = await createUser(runtime.deps, operator, { email: `t-${run}@example.org`, displayName: "Therapist", role: "therapist", password });
  const patient = await createUser(runtime.deps, operator, { email: `p-${run}@example.org`, displayName: "Patient", role: "patient", password });
  await linkPatient(runtime.deps, operator, { therapistId: therapistUser.id, patientId: patient.id });
  const therapist = { userId: therapistUser.id, role: "therapist" };
  await grantConsent(runtime.deps, therapist, {
    patientId: patient.id,
    scopes: [{ scope: "recording" }, { scope: "transcription" }, { scope: "ai_notes" }],
    form: { version: "outside-form-1", textSha256: createHash("sha256").update("I consent.").digest("hex") },
    method: "written",
  });
  const process_ = process.argv[2] === "process";
  const worker = process_ ? await startWorker(runtime) : null;
  const uploaded = await uploadSession(runtime.deps, therapist, {
    patientId: patient.id,
    title: "From outside",
    audio: new Blob([silentWav()]).stream(),
    originalName: "silence.wav",
    declaredContentType: "audio/wav",
  });
  let session = uploaded;
  for (let waited = 0; process_ && !["ready", "failed"].includes(session.status) && waited < 60_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    session = await getSession(runtime.deps, therapist, { sessionId: uploaded.id });
  }
  worker?.stop();
  console.log(JSON.stringify({ uploaded: uploaded.status, status: session.status, sizeBytes: session.audio?.sizeBytes ?? null }));
} finally {
  await runtime.close();
}
