import { useEffect, useState } from "preact/hooks";
import { TableScroll } from "../components/table-scroll.tsx";
import { getPatientConsent, type ConsentStatus } from "../consent/consent-api.ts";
import { allowsUploads, describeScopes } from "../consent/consent-form.ts";
import { ErrorMessage } from "../components/error-message.tsx";
import { Link } from "../router/link.tsx";
import { ScreenHeading } from "./screen-heading.tsx";
import { usePatients } from "./use-patients.ts";

/** The therapist's patients, each with the consent in force in words and a link to record or view it. */
export function PatientsScreen() {
  const { patients, error } = usePatients();
  const [consents, setConsents] = useState<Record<string, ConsentStatus | "unreadable">>({});

  useEffect(() => {
    if (!patients) return;
    let cancelled = false;
    for (const patient of patients) {
      getPatientConsent(patient.id)
        .catch(() => "unreadable" as const)
        .then((status) => !cancelled && setConsents((shown) => ({ ...shown, [patient.id]: status })));
    }
    return () => {
      cancelled = true;
    };
  }, [patients]);

  return (
    <>
      <ScreenHeading title="Patients">Patients</ScreenHeading>
      <p>Sessions can be uploaded for a patient once they consent to recording and transcription (and to the cloud services this deployment uses).</p>
      <ErrorMessage error={error} />
      {patients === null ? (
        error ? null : <p>Loading patients…</p>
      ) : patients.length === 0 ? (
        <p class="empty">No patients are linked to you yet. An administrator links them.</p>
      ) : (
        <TableScroll label="Your patients">
<table class="sessions patients">
          <caption class="visually-hidden">Your patients and their consent</caption>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Consent in force</th>
              <th scope="col">Uploads</th>
            </tr>
          </thead>
          <tbody>
            {patients.map((patient) => {
              const consent = consents[patient.id];
              return (
                <tr key={patient.id} data-patient-id={patient.id}>
                  <th scope="row">
                    <Link href={`/patients/${encodeURIComponent(patient.id)}/consent`}>{patient.displayName}</Link>
                    <span class="hint"> ({patient.email})</span>
                  </th>
                  <td>{consent === undefined ? "Loading…" : consent === "unreadable" ? "Could not be read" : describeScopes(consent.active)}</td>
                  <td>
                    {consent === undefined || consent === "unreadable"
                      ? ""
                      : allowsUploads(consent)
                        ? "Allowed"
                        : "Not allowed: consent needed"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
</TableScroll>
      )}
    </>
  );
}
