import { ErrorMessage } from "./error-message.tsx";
import { usePatients } from "../screens/use-patients.ts";

export interface PatientFieldProps {
  /** The select's id (its label points at it). */
  id: string;
  /** The form field's name, when the form is read by name. */
  name?: string;
  value: string;
  disabled: boolean;
  onChange: (patientId: string) => void;
}

/** The therapist's patient picker of the upload and live forms: loads the patients, says when it cannot. */
export function PatientField({ id, name, value, disabled, onChange }: PatientFieldProps) {
  const { patients, error } = usePatients();
  return (
    <div class="field">
      <label for={id}>Patient</label>
      <select
        id={id}
        {...(name === undefined ? {} : { name })}
        required
        value={value}
        disabled={disabled || patients === null}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{patients === null ? "Loading patients…" : "Choose a patient"}</option>
        {(patients ?? []).map((patient) => (
          <option key={patient.id} value={patient.id}>
            {patient.displayName} ({patient.email})
          </option>
        ))}
      </select>
      <ErrorMessage error={error} />
    </div>
  );
}
