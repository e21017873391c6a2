/**
 * The source of `src/generated/confide-api.ts`: the host's OpenAPI document, taken from the app
 * in-process (no server), turned into TypeScript types by openapi-typescript. Used by
 * `npm run client:generate` and by the test that fails while the checked-in file is stale.
 * Not part of the published package.
 */
import { createApp } from "@confide/http";
import { createTestDeps } from "@confide/core/testing";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

export const generatedTypesPath = new URL("../generated/confide-api.ts", import.meta.url);

export const regenerateCommand = "npm run client:generate";

const banner = `/**
 * The Confide API's paths and schemas, generated from the host's /openapi.json by
 * openapi-typescript. Do not edit: run \`${regenerateCommand}\` after changing a route.
 */
`;

/** The OpenAPI document the app serves at /openapi.json. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const app = createApp({
    deps: createTestDeps(),
    jwtSecret: "client-generation-only-secret-0000",
    readiness: async () => [],
  });
  const response = await app.request("/openapi.json");
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as OpenAPI3;
}

/** The text `src/generated/confide-api.ts` must hold for the current document. */
export async function generatedTypesSource(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), { alphabetize: true });
  return banner + astToString(ast);
}
