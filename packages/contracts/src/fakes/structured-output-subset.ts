/**
 * The JSON-schema subset strict structured output accepts, as Microsoft's "How to use structured
 * outputs with Azure OpenAI in Microsoft Foundry Models" (how-to/structured-outputs, "JSON Schema
 * support and limitations") states it — the strictest of the documented subsets (OpenAI's own
 * guide is looser on keywords):
 * - "A schema may have up to 100 object properties total, with up to five levels of nesting"
 * - "additionalProperties: false must always be set in objects"
 * - "All fields or function parameters must be included as required"
 * - "Unsupported type-specific keywords": String `minlength`, `maxLength`, `pattern`, `format`;
 *   Number `minimum`, `maximum`, `multipleOf`; Objects `patternProperties`,
 *   `unevaluatedProperties`, `propertyNames`, `minProperties`, `maxProperties`; Arrays
 *   `unevaluatedItems`, `contains`, `minContains`, `maxContains`, `minItems`, `maxItems`,
 *   `uniqueItems`.
 * The page does not say whether the root object is one of the five levels: it is counted here
 * (the stricter reading). `$ref` is not followed (the notes schema uses none).
 */

/** The keywords the page lists as unsupported. */
export const unsupportedSchemaKeywords = [
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "multipleOf",
  "patternProperties",
  "unevaluatedProperties",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "unevaluatedItems",
  "contains",
  "minContains",
  "maxContains",
  "minItems",
  "maxItems",
  "uniqueItems",
] as const;

export const maxObjectProperties = 100;
export const maxNestingLevels = 5;

/** What a schema is made of, as the limits count it. */
export interface SchemaCensus {
  /** Properties of every object schema, summed. */
  objectProperties: number;
  /** The deepest object within objects (the root object is level 1). */
  nestingLevels: number;
  /** Every keyword used anywhere, sorted. */
  keywords: string[];
  /** Where an unsupported keyword, an open object or an optional property stands. */
  problems: string[];
}

/** Counts and checks `schema` against the subset above. */
export function censusOfSchema(schema: unknown): SchemaCensus {
  let objectProperties = 0;
  let nestingLevels = 0;
  const keywords = new Set<string>();
  const problems: string[] = [];

  function walk(node: unknown, path: string[], level: number): void {
    if (typeof node !== "object" || node === null || Array.isArray(node)) return;
    const record = node as Record<string, unknown>;
    for (const keyword of Object.keys(record)) {
      keywords.add(keyword);
      if ((unsupportedSchemaKeywords as readonly string[]).includes(keyword)) problems.push(`In context=(${path.map((part) => `'${part}'`).join(", ")}), '${keyword}' is not permitted.`);
    }
    const types = [record.type].flat();
    let inner = level;
    if (types.includes("object")) {
      inner = level + 1;
      nestingLevels = Math.max(nestingLevels, inner);
      const properties = (record.properties ?? {}) as Record<string, unknown>;
      objectProperties += Object.keys(properties).length;
      if (record.additionalProperties !== false) problems.push(`In context=(${path.map((part) => `'${part}'`).join(", ")}), 'additionalProperties' is required to be supplied and to be false.`);
      const required = new Set((record.required ?? []) as string[]);
      const missing = Object.keys(properties).filter((name) => !required.has(name));
      if (missing.length > 0) problems.push(`In context=(${path.map((part) => `'${part}'`).join(", ")}), 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`);
      for (const [name, value] of Object.entries(properties)) walk(value, [...path, "properties", name], inner);
    }
    if (record.items !== undefined) walk(record.items, [...path, "items"], inner);
    for (const combinator of ["anyOf", "allOf", "oneOf"]) {
      const options = record[combinator];
      if (Array.isArray(options)) options.forEach((option, index) => walk(option, [...path, combinator, String(index)], level));
    }
  }

  walk(schema, [], 0);
  if (objectProperties > maxObjectProperties) problems.push(`The schema has ${objectProperties} object properties; at most ${maxObjectProperties} are permitted.`);
  if (nestingLevels > maxNestingLevels) problems.push(`The schema nests objects ${nestingLevels} levels deep; at most ${maxNestingLevels} levels are permitted.`);
  return { objectProperties, nestingLevels, keywords: [...keywords].sort(), problems };
}
