import { useEffect, useRef, useState } from "preact/hooks";
import { TableScroll } from "../components/table-scroll.tsx";
import { linkPatient, listAccounts, openAccount, type Account } from "../api/accounts-api.ts";
import type { Role } from "../api/api-types.ts";
import { announce } from "../components/announcer.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Outcome, useOutcome, type OutcomeState } from "../components/outcome.tsx";
import { ShowMoreButton } from "../components/show-more-button.tsx";
import { usePagedList } from "../components/use-paged-list.ts";
import { ScreenHeading } from "./screen-heading.tsx";

const pageSize = 25;
/** Accounts offered in the link pickers (one page each; search the list for more). */
const pickerSize = 100;

const roleLabels: Record<Role, string> = { therapist: "Therapist", patient: "Patient", admin: "Administrator" };

/**
 * The administrator's screen: accounts (search, role filter, paging), opening an account, and
 * linking a patient to a therapist. Accounts only: an administrator never sees clinical content.
 */
export function AdminUsersScreen() {
  const [changes, setChanges] = useState(0);
  return (
    <>
      <ScreenHeading title="Users">Users</ScreenHeading>
      <AccountList changes={changes} />
      <div class="admin-forms">
        <OpenAccountForm onOpened={() => setChanges((count) => count + 1)} />
        <LinkPatientForm changes={changes} />
      </div>
    </>
  );
}

/** One `<option>` per role, worded. */
function RoleOptions() {
  return (
    <>
      {(Object.keys(roleLabels) as Role[]).map((value) => (
        <option key={value} value={value}>
          {roleLabels[value]}
        </option>
      ))}
    </>
  );
}

function AccountList({ changes }: { changes: number }) {
  const [q, setQ] = useState("");
  const [role, setRole] = useState<"" | Role>("");
  const [query, setQuery] = useState<{ q: string; role: "" | Role }>({ q: "", role: "" });
  const list = usePagedList(
    (cursor) =>
      listAccounts({ limit: pageSize, ...(query.q ? { q: query.q } : {}), ...(query.role ? { role: query.role } : {}), ...(cursor ? { cursor } : {}) }),
    "accounts",
    [query.q, query.role, changes],
  );
  const { items: accounts, loading, error } = list;

  return (
    <section aria-labelledby="accounts-heading" aria-busy={loading}>
      <h2 id="accounts-heading">Accounts</h2>
      <form
        role="search"
        aria-label="Search accounts"
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ q: q.trim(), role });
        }}
      >
        <div class="field">
          <label for="accounts-q">Name or email</label>
          <input id="accounts-q" type="search" value={q} onInput={(event) => setQ(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="accounts-role">Role</label>
          <select id="accounts-role" value={role} onChange={(event) => setRole(event.currentTarget.value as "" | Role)}>
            <option value="">Any role</option>
            <RoleOptions />
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            Search
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {loading && accounts.length === 0 ? (
        <p>Loading accounts…</p>
      ) : accounts.length === 0 ? (
        <p class="empty">No account matches.</p>
      ) : (
        <TableScroll label="Accounts">
<table class="sessions accounts">
          <caption class="visually-hidden">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} data-user-id={account.id}>
                <th scope="row">{account.displayName || "—"}</th>
                <td>{account.email}</td>
                <td>{roleLabels[account.role]}</td>
                <td>{account.active ? "Active" : "Closed"}</td>
              </tr>
            ))}
          </tbody>
        </table>
</TableScroll>
      )}
      <ShowMoreButton list={list} noun="accounts" />
    </section>
  );
}

/**
 * A form that does one thing: busy while it runs, a failure shown as its error, the sentence the
 * action returns shown as done and announced.
 */
function useFormAction() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { outcome, show, clear } = useOutcome();
  const submit = (action: () => Promise<string>) => async (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    clear();
    try {
      const message = await action();
      show(message);
      announce(message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, outcome, submit };
}

/**
 * What a form's action came to, where the form is: the outcome (shown, announced, focused) or the
 * error (focused too), so the focus never falls to the page after an action.
 */
function FormResult({ error, outcome }: { error: unknown; outcome: OutcomeState | null }) {
  const errorBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error !== null) errorBox.current?.focus();
  }, [error]);
  return (
    <>
      <div ref={errorBox} tabIndex={-1} class="error-box">
        <ErrorMessage error={error} />
      </div>
      <Outcome outcome={outcome} />
    </>
  );
}

function OpenAccountForm({ onOpened }: { onOpened: (account: Account) => void }) {
  const empty = { displayName: "", email: "", role: "patient" as Role, password: "" };
  const [draft, setDraft] = useState(empty);
  const { error, busy, outcome, submit } = useFormAction();
  const field = (name: "displayName" | "email" | "password") => ({
    id: `open-${name}`,
    value: draft[name],
    onInput: (event: { currentTarget: { value: string } }) => setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  return (
    <section aria-labelledby="open-account-heading">
      <h2 id="open-account-heading">Open an account</h2>
      <form
        class="stack"
        onSubmit={submit(async () => {
          const account = await openAccount({ ...draft, displayName: draft.displayName.trim(), email: draft.email.trim() });
          setDraft(empty);
          onOpened(account);
          return `Account opened for ${account.displayName || account.email} (${roleLabels[account.role].toLowerCase()}).`;
        })}
      >
        <div class="field">
          <label for="open-displayName">Name</label>
          <input {...field("displayName")} required autoComplete="off" />
        </div>
        <div class="field">
          <label for="open-email">Email</label>
          <input type="email" {...field("email")} required autoComplete="off" />
        </div>
        <div class="field">
          <label for="open-role">Role</label>
          <select id="open-role" value={draft.role} onChange={(event) => setDraft({ ...draft, role: event.currentTarget.value as Role })}>
            <RoleOptions />
          </select>
        </div>
        <div class="field">
          <label for="open-password">First password</label>
          <input type="password" {...field("password")} required minLength={12} autoComplete="new-password" aria-describedby="open-password-hint" />
          <span class="hint" id="open-password-hint">
            At least 12 characters, not the email or name. Give it to the person; they change it after signing in.
          </span>
        </div>
        <FormResult error={error} outcome={outcome} />
        <div class="actions">
          <button type="submit" class="primary" aria-disabled={busy ? "true" : undefined}>
            Open account
          </button>
        </div>
      </form>
    </section>
  );
}

function LinkPatientForm({ changes }: { changes: number }) {
  const [therapists, setTherapists] = useState<Account[]>([]);
  const [patients, setPatients] = useState<Account[]>([]);
  const [therapistId, setTherapistId] = useState("");
  const [patientId, setPatientId] = useState("");
  const { error, setError, busy, outcome, submit } = useFormAction();

  useEffect(() => {
    let cancelled = false;
    Promise.all([listAccounts({ role: "therapist", limit: pickerSize }), listAccounts({ role: "patient", limit: pickerSize })])
      .then(([therapistPage, patientPage]) => {
        if (cancelled) return;
        const byName = (a: Account, b: Account) => a.displayName.localeCompare(b.displayName);
        setTherapists(therapistPage.items.filter((account) => account.active).sort(byName));
        setPatients(patientPage.items.filter((account) => account.active).sort(byName));
      })
      .catch((failure: unknown) => !cancelled && setError(failure));
    return () => {
      cancelled = true;
    };
  }, [changes]);

  const nameOf = (accounts: Account[], id: string) => {
    const account = accounts.find((candidate) => candidate.id === id);
    return account ? account.displayName || account.email : id;
  };

  return (
    <section aria-labelledby="link-heading">
      <h2 id="link-heading">Link a patient to a therapist</h2>
      <form
        class="stack"
        onSubmit={submit(async () => {
          await linkPatient(therapistId, patientId);
          return `${nameOf(patients, patientId)} is now a patient of ${nameOf(therapists, therapistId)}.`;
        })}
      >
        <AccountPicker id="link-therapist" label="Therapist" accounts={therapists} value={therapistId} onChange={setTherapistId} />
        <AccountPicker id="link-patient" label="Patient" accounts={patients} value={patientId} onChange={setPatientId} />
        <FormResult error={error} outcome={outcome} />
        <div class="actions">
          <button type="submit" class="primary" aria-disabled={busy ? "true" : undefined}>
            Link patient
          </button>
        </div>
      </form>
    </section>
  );
}

/** A required choice of one account ("Choose a therapist"), each named with its email. */
function AccountPicker(props: { id: string; label: "Therapist" | "Patient"; accounts: Account[]; value: string; onChange: (id: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} required value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">Choose a {props.label.toLowerCase()}</option>
        {props.accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.displayName} ({account.email})
          </option>
        ))}
      </select>
    </div>
  );
}
