import { appendFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/**
 * Checks a response the route tests receive against the operation the OpenAPI document (served
 * at `/openapi.json`) publishes for it: its status must be documented, and a JSON body must match
 * that status's schema for its media type. One check for every route test (`createTestApp`'s
 * `call`), so the published contract and the behaviour cannot drift apart unseen: a `null` where
 * the schema says object fails the test that received it.
 *
 * With `CONFIDE_RESPONSE_CHECK_LOG` set to a file, each checked response appends a line
 * (`checked` or `caught` and the operation), so a run can say how many it checked.
 */
export interface OpenApiResponseCheck {
  /** @throws Error naming the operation and the schema errors when the response breaks the document. */
  check(request: { method: string; path: string }, response: Response): Promise<void>;
}

interface Operation {
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** `/v1/sessions/{id}/notes:regenerate` as a pattern of one path. */
function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\\{[^}]+\\\}|\{[^}]+\}/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

function log(line: string): void {
  const file = process.env["CONFIDE_RESPONSE_CHECK_LOG"];
  if (file) appendFileSync(file, `${line}\n`);
}

export function createOpenApiResponseCheck(document: Document): OpenApiResponseCheck {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true, validateFormats: true }));
  ajv.addSchema(document as object, "openapi.json");
  const templates = Object.keys(document.paths)
    .map((template) => ({ template, pattern: templatePattern(template), literal: template.replace(/\{[^}]+\}/g, "").length }))
    // A literal path (`/v1/sessions/search`) wins over a template that also matches it (`/v1/sessions/{id}`).
    .sort((a, b) => b.literal - a.literal);
  const validators = new Map<string, ValidateFunction>();

  const validatorAt = (schemaPointer: string): ValidateFunction => {
    let validate = validators.get(schemaPointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi.json#${schemaPointer}` });
      validators.set(schemaPointer, validate);
    }
    return validate;
  };

  return {
    async check(request, response) {
      const method = request.method.toLowerCase();
      const path = new URL(request.path, "http://confide.test").pathname;
      const found = templates.find(({ template, pattern }) => pattern.test(path) && document.paths[template]?.[method] !== undefined);
      // Paths the document does not describe (the console's pages, unknown paths) answer the 404 the handler documents for all.
      if (!found) return;
      const operation = document.paths[found.template]?.[method] as Operation;
      const name = `${request.method} ${found.template} → ${response.status}`;
      const statusKey = operation.responses?.[String(response.status)] !== undefined ? String(response.status) : "default";
      let documented = operation.responses?.[statusKey];
      if (documented === undefined) {
        log(`caught ${name} (undocumented status)`);
        throw new Error(`${name}: the OpenAPI document does not list this status for the operation.`);
      }
      let responsePointer = pointer("", "paths", found.template, method, "responses", statusKey);
      if (documented.$ref) {
        const component = documented.$ref.replace("#/components/responses/", "");
        documented = document.components?.responses?.[component] ?? {};
        responsePointer = pointer("", "components", "responses", component);
      }
      const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
      if (!/json$/.test(mediaType) || response.status === 204 || request.method === "HEAD") {
        log(`checked ${name}`);
        return;
      }
      const schema = documented.content?.[mediaType]?.schema;
      if (schema === undefined) {
        log(`caught ${name} (undocumented media type ${mediaType})`);
        throw new Error(`${name}: the OpenAPI document gives no ${mediaType} body for this status.`);
      }
      const body: unknown = await response.clone().json();
      const validate = validatorAt(`${responsePointer}/${pointer("content", mediaType, "schema")}`);
      if (!validate(body)) {
        log(`caught ${name}`);
        const problems = (validate.errors ?? []).slice(0, 8).map((error) => `${error.instancePath || "(body)"} ${error.message ?? ""}`);
        throw new Error(`${name}: the body does not match the OpenAPI document: ${problems.join("; ")}`);
      }
      log(`checked ${name}`);
    },
  };
}
