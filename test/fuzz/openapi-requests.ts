/**
 * Requests for every JSON operation of an OpenAPI 3.1 document, as fast-check arbitraries:
 * path, query and header parameters and JSON bodies built from the operation's schemas, then
 * mutated (wrong types, missing and extra fields, NUL, bytes that are not UTF-8, huge and empty
 * values, broken JSON, other media types).
 */
import fc from "fast-check";
import { encodeText, encodeUriText, headerValue, hostileString, sometimes, wrongTypeValue } from "./hostile-values.ts";

/** The parts of JSON Schema the document uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** One request to send: who sends it, and its exact bytes. */
export interface FuzzRequest {
  as: "therapist" | "patient" | "nobody";
  method: string;
  /** Already percent-encoded, with any query. */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** Send the body chunked in pieces of these sizes (no Content-Length) instead of at once. */
  chunkBytes?: number;
}

export interface OperationSummary {
  method: string;
  path: string;
}

const httpMethods = new Set(["get", "post", "put", "patch", "delete"]);

/** Every operation of the document, except those `skip` names. */
export function operationsOf(document: OpenApiDocument, skip: (operation: OperationSummary) => boolean): Array<OperationSummary & { operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => httpMethods.has(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation }))
      .filter((entry) => !skip(entry)),
  );
}

function resolve(document: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    return resolve(document, document.components?.schemas?.[name]);
  }
  return schema;
}

/** A value the schema accepts (as far as these keywords tell). */
function validValue(document: OpenApiDocument, input: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> {
  const schema = resolve(document, input);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices && choices.length > 0) return fc.oneof(...choices.map((choice) => validValue(document, choice, depth)));
  if (schema.allOf && schema.allOf.length > 0) return validValue(document, schema.allOf[0], depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ["string"];
  return fc.oneof(...types.map((type) => validOfType(document, schema, type, depth)));
}

function validOfType(document: OpenApiDocument, schema: JsonSchema, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 1_000 });
    case "number":
      return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 1_000, noNaN: true });
    case "array":
      return depth > 3
        ? fc.constant([])
        : fc.array(validValue(document, schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case "object": {
      if (depth > 3 || !schema.properties) return fc.constant({});
      const properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, validValue(document, value, depth + 1)]));
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      if (schema.format === "date-time") return fc.date({ min: new Date(0), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString());
      if (schema.format === "email") return fc.emailAddress();
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
  }
}

/** A value built from the schema, with hostile or wrongly typed values anywhere in it. */
function mutatedValue(document: OpenApiDocument, input: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> {
  const schema = resolve(document, input);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  let shaped: fc.Arbitrary<unknown>;
  if (types.includes("object") && schema.properties && depth <= 3) {
    const properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, mutatedValue(document, value, depth + 1)]));
    shaped = fc
      .tuple(
        fc.record(properties, { requiredKeys: [] }),
        fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), hostileString.map((key) => key.slice(0, 100))), wrongTypeValue, { maxKeys: 2 }),
      )
      .map(([known, extra]) => ({ ...extra, ...known }));
  } else if (types.includes("array") && depth <= 3) {
    shaped = fc.array(mutatedValue(document, schema.items, depth + 1), { maxLength: 4 });
  } else {
    shaped = validValue(document, schema, depth);
  }
  return fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: wrongTypeValue, weight: 1 }, { arbitrary: hostileString, weight: 1 });
}

/** Text of a path or query value: valid, hostile, or broken percent-encoding. */
function parameterText(document: OpenApiDocument, schema: JsonSchema | undefined, knownIds: string[]): fc.Arbitrary<string> {
  const valid = validValue(document, schema, 0).map((value) => encodeUriText(typeof value === "string" ? value : JSON.stringify(value)));
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    ...(knownIds.length > 0 ? [{ arbitrary: fc.constantFrom(...knownIds).map(encodeURIComponent), weight: 3 }] : []),
    { arbitrary: hostileString.filter((text) => text.length < 20_000).map(encodeUriText), weight: 3 },
    { arbitrary: fc.constantFrom("%00", "%FF", "%C0%80", "%zz", "%", "a%", "%2F", "..", "%2e%2e", "%E2%80%AE", "%u0000"), weight: 2 },
  );
}

/** Raw bodies that are not the JSON the route expects. */
const brokenBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom("", "{", "}", "[", "null", "0", "\"text\"", "{\"a\":", "{\"a\":1,}", "[1,2", "{}", "[]", "\u0000", "{\"email\":\"\\u0000\"}", "\uFEFF{}").map((text) => encodeText(text)),
  fc.uint8Array({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 100 }).map((text) => encodeText(text)),
  fc.constant(Buffer.concat([Buffer.from("{\"a\":\""), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from("\"}")])),
  fc.integer({ min: 1, max: 6 }).map((depth) => encodeText("[".repeat(depth * 2_000) + "]".repeat(depth * 2_000))),
);

const jsonContentTypes = fc.oneof(
  { arbitrary: fc.constant("application/json"), weight: 8 },
  { arbitrary: fc.constantFrom("application/json; charset=utf-8", "application/json; charset=latin1", "application/problem+json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "", "json"), weight: 2 },
);

/**
 * Requests for one operation: parameters and body from its schemas, mutated. `knownIds`
 * are ids worth trying in paths (a real session, the patient, the therapist).
 */
export function requestsFor(
  document: OpenApiDocument,
  entry: OperationSummary & { operation: Operation },
  knownIds: string[],
  roles: FuzzRequest["as"][],
): fc.Arbitrary<FuzzRequest> {
  const parameters = entry.operation.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === "path");
  const queryParameters = parameters.filter((parameter) => parameter.in === "query");
  const headerParameters = parameters.filter((parameter) => parameter.in === "header");
  const jsonSchema = entry.operation.requestBody?.content?.["application/json"]?.schema;

  const pathArbitrary = fc
    .tuple(...pathParameters.map((parameter) => parameterText(document, parameter.schema, knownIds)))
    .map((values) => pathParameters.reduce((path, parameter, index) => path.replace(`{${parameter.name}}`, values[index] ?? ""), entry.path));
  const queryArbitrary = fc
    .tuple(
      fc.tuple(...queryParameters.map((parameter) => fc.option(parameterText(document, parameter.schema, knownIds), { nil: undefined }))),
      fc.array(fc.tuple(fc.string({ maxLength: 8 }).map(encodeUriText), hostileString.filter((text) => text.length < 5_000).map(encodeUriText)), { maxLength: 2 }),
      fc.boolean(),
    )
    .map(([values, extra, duplicate]) => {
      const pairs: Array<[string, string]> = queryParameters.flatMap((parameter, index) => {
        const value = values[index];
        if (value === undefined) return [];
        return duplicate ? [[parameter.name, value] as [string, string], [parameter.name, value] as [string, string]] : [[parameter.name, value] as [string, string]];
      });
      const all = [...pairs, ...extra];
      return all.length === 0 ? "" : `?${all.map(([key, value]) => `${key}=${value}`).join("&")}`;
    });
  const headersArbitrary = fc
    .tuple(...headerParameters.map(() => fc.option(headerValue, { nil: undefined })))
    .map((values) => Object.fromEntries(headerParameters.flatMap((parameter, index) => (values[index] === undefined ? [] : [[parameter.name, values[index]]]))));
  const bodyArbitrary: fc.Arbitrary<{ body?: Uint8Array; contentType?: string }> = jsonSchema
    ? fc.oneof(
        { arbitrary: fc.record({ body: validValue(document, jsonSchema, 0).map((value) => encodeText(JSON.stringify(value))), contentType: jsonContentTypes }), weight: 2 },
        { arbitrary: fc.record({ body: mutatedValue(document, jsonSchema, 0).map((value) => encodeText(JSON.stringify(value) ?? "")), contentType: jsonContentTypes }), weight: 5 },
        { arbitrary: fc.record({ body: brokenBody, contentType: jsonContentTypes }), weight: 2 },
        { arbitrary: fc.constant({}), weight: 1 },
      )
    : fc.oneof({ arbitrary: fc.constant({}), weight: 4 }, { arbitrary: fc.record({ body: brokenBody, contentType: jsonContentTypes }), weight: 1 });

  return fc
    .record({
      as: fc.constantFrom(...roles),
      path: pathArbitrary,
      query: queryArbitrary,
      headers: headersArbitrary,
      body: bodyArbitrary,
      chunkBytes: sometimes(fc.integer({ min: 1, max: 4_096 }).map((bytes): number | undefined => bytes), undefined, 6),
    })
    .map(({ as, path, query, headers, body, chunkBytes }) => ({
      as,
      method: entry.method,
      path: path + query,
      headers: { ...headers, ...(body.contentType === undefined || body.contentType === "" ? {} : { "content-type": body.contentType }) },
      ...(body.body === undefined ? {} : { body: body.body }),
      ...(chunkBytes === undefined || body.body === undefined ? {} : { chunkBytes }),
    }));
}
