/** One field problem of a rejected request, as listed in the problem's `errors`. */
export interface FieldIssue {
  /** Where the value came from: json, query, param, header. */
  in: string;
  /** Dotted path of the field, e.g. `edits.0.text`; empty for the whole value. */
  field: string;
  message: string;
  code: string;
}
