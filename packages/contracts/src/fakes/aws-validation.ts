/**
 * The input validation messages of AWS services (the "Coral" format the service model's
 * constraints produce), e.g.
 *
 *   1 validation error detected: Value 'a/b' at 'transcriptionJobName' failed to satisfy
 *   constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z._-]+
 *
 * Paths are the members' names in lower camel case, list members 1-based
 * (`textList.3.member`); values of members the model marks sensitive are left out
 * ("Value at 'textList.3.member' failed ..."). Several errors are joined with "; ".
 */
import { AwsJsonError } from "./aws-json-service.ts";

export class ValidationErrors {
  private readonly messages: string[] = [];

  private value(value: unknown, sensitive: boolean): string {
    if (sensitive) return "Value";
    if (value === null || value === undefined) return "Value null";
    return `Value '${Array.isArray(value) ? `[${value.join(", ")}]` : String(value)}'`;
  }

  add(value: unknown, path: string, constraint: string, sensitive = false): void {
    this.messages.push(`${this.value(value, sensitive)} at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  }

  /** A required member that is missing; true when it was. */
  required(value: unknown, path: string): boolean {
    if (value !== undefined && value !== null) return false;
    this.add(null, path, "not be null");
    return true;
  }

  /** Length bounds of a string or list. */
  length(value: string | unknown[], path: string, min: number | undefined, max: number | undefined, sensitive = false): void {
    if (min !== undefined && value.length < min) this.add(value, path, `have length greater than or equal to ${min}`, sensitive);
    if (max !== undefined && value.length > max) this.add(value, path, `have length less than or equal to ${max}`, sensitive);
  }

  pattern(value: string, path: string, pattern: string): void {
    if (!new RegExp(`^(?:${pattern.replace(/^\^/, "").replace(/\$$/, "")})$`).test(value)) {
      this.add(value, path, `satisfy regular expression pattern: ${pattern}`);
    }
  }

  oneOf(value: string, path: string, allowed: readonly string[]): void {
    if (!allowed.includes(value)) this.add(value, path, `satisfy enum value set: [${allowed.join(", ")}]`);
  }

  range(value: number, path: string, min: number, max: number): void {
    if (value < min) this.add(value, path, `have value greater than or equal to ${min}`);
    if (value > max) this.add(value, path, `have value less than or equal to ${max}`);
  }

  /** The error to answer, or undefined when nothing was wrong. */
  toError(errorType: string): AwsJsonError | undefined {
    const count = this.messages.length;
    if (count === 0) return undefined;
    return new AwsJsonError(400, errorType, `${count} validation error${count === 1 ? "" : "s"} detected: ${this.messages.join("; ")}`);
  }
}
