import { adapterPortList } from "@confide/core";
import type { AdapterPort } from "@confide/core/ports";
import { adapterPorts, adapterRegistry, type RegisteredAdapter } from "../composition/adapter-registry.ts";
import { adapterVariables } from "./adapter-variables.ts";
import { configurationTable, defaultText, factsOf } from "./config-table.ts";
import { profileDefaultNames, profiles, type ProfileDefault } from "./profiles.ts";

/**
 * The tables of the documentation generated from the adapter registry, the settings schemas and
 * the profiles — one generator for every page. A page asks for a table by a pair of comments:
 *
 *     <!-- generated: providers adapters-local (`npm run docs:tables`); do not edit -->
 *     <!-- end of generated -->
 *
 * and `npm run docs:tables` writes the table between them. The kinds:
 * - `configuration`: every variable, its default, the profiles that read it and its meaning;
 * - `providers` or `providers <package folder>`: the registered adapters (of one package);
 * - `profiles`: each port's adapter in every profile; `profile <name>`: one profile's;
 * - `settings <package folder>/<provider folder>`: the variables of that folder's adapters.
 */

/** Where a registered adapter's code lives: `packages/<packageFolder>/src/<folder>/`. */
export interface AdapterLocation {
  packageFolder: string;
  folder: string;
}

/** Finds the folder of a registered adapter (the docs generator reads them from disk). */
export type LocateAdapter = (adapter: RegisteredAdapter) => AdapterLocation;

const startPattern = /<!-- generated: ([a-z0-9 /-]+) \(`npm run docs:tables`\); do not edit -->/g;
export const generatedEnd = "<!-- end of generated -->";

/** The opening comment of a generated table of `kind`. */
export function generatedStart(kind: string): string {
  return `<!-- generated: ${kind} (\`npm run docs:tables\`); do not edit -->`;
}

const code = (text: string) => `\`${text}\``;
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

function registered(): RegisteredAdapter[] {
  return adapterPorts.flatMap((port) => adapterRegistry[port] as ReadonlyArray<RegisteredAdapter>);
}

/** The profiles whose default for the adapter's port may pick it. */
function profilesChoosing(adapter: RegisteredAdapter): string[] {
  return Object.entries(profiles)
    .filter(([, defaults]) => profileDefaultNames(defaults[adapter.port] as ProfileDefault).includes(adapter.name))
    .map(([name]) => name);
}

function said(value: ProfileDefault): string {
  return typeof value === "string" ? code(value) : `${code(value.then)} when ${code(value.whenSet)} is set, else ${code(value.otherwise)}`;
}

function sendsOut(adapter: RegisteredAdapter): string {
  return adapter.sendsSessionDataOut === undefined ? "no" : "can: needs `cloud_processing` consent naming it";
}

function providerRow(adapter: RegisteredAdapter, at: AdapterLocation, withPackage: boolean): string {
  const variable = adapterPortList[adapter.port].variable;
  const folder = withPackage ? `[\`${at.packageFolder}/${at.folder}\`](${"packages/" + at.packageFolder + "/src/" + at.folder + "/"})` : `[\`${at.folder}/\`](src/${at.folder}/)`;
  return `| ${adapter.port} | ${code(`${variable}=${adapter.name}`)} | ${folder} | ${cell(adapter.settings.description ?? adapter.name)} | ${profilesChoosing(adapter).join(", ") || "—"} | ${sendsOut(adapter)} |`;
}

/**
 * The adapters the registry holds (of one package when `packageFolder` is given), port by port:
 * the variable that chooses each, its folder, what it is, the profiles that use it by default
 * and whether it sends session data out of the deployment.
 * @param linkPrefix what folder links start with: the path from the page to the repository's root.
 * @throws Error when a package holds no registered adapter.
 */
export function providersTable(locate: LocateAdapter, packageFolder?: string, linkPrefix = ""): string {
  const rows = registered()
    .map((adapter) => ({ adapter, at: locate(adapter) }))
    .filter(({ at }) => packageFolder === undefined || at.packageFolder === packageFolder);
  if (rows.length === 0) throw new Error(`No registered adapter lives in packages/${packageFolder}`);
  const lines = [
    `| port | chosen by | ${packageFolder === undefined ? "package / folder" : "folder"} | what it is | default in | session data out of the deployment |`,
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const { adapter, at } of rows) {
    const row = providerRow(adapter, at, packageFolder === undefined);
    lines.push(packageFolder === undefined ? row.replace("](packages/", `](${linkPrefix}packages/`) : row);
  }
  return lines.join("\n");
}

/** Each port's default adapter in every profile. */
export function profilesTable(): string {
  const names = Object.keys(profiles) as Array<keyof typeof profiles>;
  const lines = [`| port | chosen by | ${names.join(" | ")} |`, `| --- | --- | ${names.map(() => "---").join(" | ")} |`];
  for (const port of adapterPorts) {
    lines.push(`| ${port} | ${code(adapterPortList[port].variable)} | ${names.map((name) => cell(said(profiles[name][port] as ProfileDefault))).join(" | ")} |`);
  }
  return lines.join("\n");
}

/**
 * One profile's adapter for each port, with what the adapter is.
 * @throws Error for a profile that does not exist.
 */
export function profileTable(name: string): string {
  const defaults = (profiles as Record<string, Record<AdapterPort, ProfileDefault>>)[name];
  if (defaults === undefined) throw new Error(`There is no profile ${name}`);
  const lines = ["| port | chosen by | adapter | what it is |", "| --- | --- | --- | --- |"];
  for (const port of adapterPorts) {
    const chosen = profileDefaultNames(defaults[port]);
    const adapters = (adapterRegistry[port] as ReadonlyArray<RegisteredAdapter>).filter((adapter) => chosen.includes(adapter.name));
    const what = adapters.map((adapter) => `${code(adapter.name)}: ${adapter.settings.description ?? adapter.name}`).join("; ");
    lines.push(`| ${port} | ${code(adapterPortList[port].variable)} | ${cell(said(defaults[port]))} | ${cell(what)} |`);
  }
  return lines.join("\n");
}

/**
 * The variables of the adapters in one provider folder (`adapters-local/pglite`): default and meaning.
 * @throws Error when no registered adapter lives in that folder.
 */
export function settingsTable(locate: LocateAdapter, place: string): string {
  const adapters = registered().filter((adapter) => {
    const at = locate(adapter);
    return `${at.packageFolder}/${at.folder}` === place;
  });
  if (adapters.length === 0) throw new Error(`No registered adapter lives in packages/${place.replace("/", "/src/")}`);
  const lines = ["| variable | default | meaning |", "| --- | --- | --- |"];
  const seen = new Set<string>();
  for (const adapter of adapters) {
    const variables = adapterVariables(adapter.settings);
    if (variables.length === 0) lines.push(`| — | — | ${cell(`the ${adapter.name} ${adapter.port} adapter reads no variable`)} |`);
    for (const { variable, schema } of variables) {
      if (seen.has(variable)) continue;
      seen.add(variable);
      const facts = factsOf(schema);
      lines.push(`| ${code(variable)} | ${cell(defaultText(facts))}${facts.required ? " (required)" : ""} | ${cell(facts.description ?? "")} |`);
    }
  }
  return lines.join("\n");
}

/**
 * The table a marker asks for.
 * @param linkPrefix the path from the page to the repository's root, for the links of a table.
 * @throws Error for a kind this generator does not know.
 */
export function generatedTable(kind: string, locate: LocateAdapter, linkPrefix: string): string {
  const [name, argument] = kind.split(" ");
  if (name === "configuration" && argument === undefined) return configurationTable();
  if (name === "providers") return providersTable(locate, argument, linkPrefix);
  if (name === "profiles" && argument === undefined) return profilesTable();
  if (name === "profile" && argument !== undefined) return profileTable(argument);
  if (name === "settings" && argument !== undefined) return settingsTable(locate, argument);
  throw new Error(`Unknown generated table "${kind}"`);
}

/**
 * `page` with every generated table rewritten.
 * @throws Error when a table's opening comment has no closing one.
 */
export function withGeneratedTables(page: string, locate: LocateAdapter, linkPrefix = ""): string {
  let result = "";
  let from = 0;
  for (const match of page.matchAll(startPattern)) {
    const open = match.index + match[0].length;
    if (open < from) continue;
    const close = page.indexOf(generatedEnd, open);
    if (close === -1) throw new Error(`"${match[0]}" has no "${generatedEnd}" after it`);
    result += `${page.slice(from, open)}\n${generatedTable(match[1] as string, locate, linkPrefix)}\n`;
    from = close;
  }
  return result + page.slice(from);
}

/** Whether a page asks for a generated table. */
export function hasGeneratedTables(page: string): boolean {
  return page.search(startPattern) !== -1;
}
