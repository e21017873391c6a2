import type { AdapterPort } from "@confide/core/ports";
import { z } from "zod";
import { adapterPorts, adapterRegistry, type RegisteredAdapter } from "../composition/adapter-registry.ts";
import { adapterVariables } from "./adapter-variables.ts";
import { choiceVariable, environmentSchema } from "./config-schema.ts";
import { profileDefaultNames, profiles, type ProfileDefault } from "./profiles.ts";

/** What the table says about one variable, read from its schema. */
export interface VariableFacts {
  description: string | undefined;
  /** The default column's text when the schema's default alone would mislead. */
  shownDefault: string | undefined;
  /** Added to the profiles column (e.g. who requires it). */
  shownProfiles: string | undefined;
  defaultValue: unknown;
  required: boolean;
}

/**
 * The description, meta and default of a variable's schema, looking through `.optional()`,
 * `.default()` and transforms (a wrapper made after `.describe()` carries no description).
 */
export function factsOf(schema: z.core.$ZodType): VariableFacts {
  const facts: VariableFacts = { description: undefined, shownDefault: undefined, shownProfiles: undefined, defaultValue: undefined, required: true };
  let current: z.core.$ZodType | undefined = schema;
  while (current !== undefined) {
    const meta = z.globalRegistry.get(current) ?? {};
    facts.description ??= meta.description as string | undefined;
    facts.shownDefault ??= meta.shownDefault as string | undefined;
    facts.shownProfiles ??= meta.shownProfiles as string | undefined;
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; defaultValue?: unknown };
    if (def.type === "optional") facts.required = false;
    if (def.type === "default") {
      facts.required = false;
      facts.defaultValue ??= def.defaultValue;
    }
    current = def.type === "pipe" ? def.in : def.innerType;
  }
  return facts;
}

const code = (text: unknown) => `\`${String(text)}\``;
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

export function defaultText(facts: VariableFacts): string {
  return facts.shownDefault ?? (facts.defaultValue === undefined ? "—" : code(facts.defaultValue));
}

/** The profiles that choose `adapter` when its port's variable is unset. */
function profilesChoosing(adapter: RegisteredAdapter): string[] {
  return Object.entries(profiles)
    .filter(([, defaults]) => profileDefaultNames(defaults[adapter.port]).includes(adapter.name))
    .map(([name]) => name);
}

function descriptionOf(adapter: RegisteredAdapter): string {
  return adapter.settings.description ?? adapter.name;
}

/** "selfhosted (bullmq queue, required)": where an adapter reading the variable runs by default. */
function useText(adapter: RegisteredAdapter, facts: VariableFacts): string {
  const by = profilesChoosing(adapter).join(", ") || "chosen by no profile";
  return `${by} (${adapter.name} ${adapter.port}${facts.required ? ", required" : ""})`;
}

/** The default column of a port's choice variable: one name, or the name per profile. */
function choiceDefault(port: AdapterPort): string {
  const names = Object.entries(profiles).map(([profile, defaults]) => [profile, defaults[port] as ProfileDefault] as const);
  if (names.every(([, name]) => name === names[0]?.[1])) return code(names[0]?.[1]);
  const said = (value: ProfileDefault) =>
    typeof value === "string" ? code(value) : `${code(value.then)} when ${code(value.whenSet)} is set, else ${code(value.otherwise)}`;
  return names.map(([profile, value]) => `${profile} ${said(value)}`).join(", ");
}

function choiceMeaning(port: AdapterPort, holds: string | undefined): string {
  const adapters = adapterRegistry[port] as ReadonlyArray<RegisteredAdapter>;
  return `${holds}: ${adapters.map((adapter) => `${code(adapter.name)} (${descriptionOf(adapter)})`).join(", ")}`;
}

/**
 * The configuration table (docs/configuration.md): the host's variables (in its schema's order), then those of
 * the adapters (in registry order) — each with its default, the profiles that use it and what
 * it means, all read from the schemas, the profiles and the registry.
 * @throws Error when two schemas describe one variable differently (define it once and share it).
 */
export function configurationTable(): string {
  const rows = new Map<string, { facts: VariableFacts; profiles: string[] }>();
  const portOfChoice = new Map<string, AdapterPort>(adapterPorts.map((port) => [choiceVariable(port), port]));
  for (const [variable, schema] of Object.entries(environmentSchema.shape)) {
    const facts = factsOf(schema);
    rows.set(variable, { facts, profiles: [facts.shownProfiles === undefined ? "all" : `all; ${facts.shownProfiles}`] });
  }
  for (const port of adapterPorts) {
    for (const adapter of adapterRegistry[port] as ReadonlyArray<RegisteredAdapter>) {
      for (const { variable, schema } of adapterVariables(adapter.settings)) {
        const facts = factsOf(schema);
        const row = rows.get(variable);
        if (row === undefined) {
          rows.set(variable, { facts, profiles: [useText(adapter, facts)] });
          continue;
        }
        if (row.facts.description !== facts.description) {
          throw new Error(`${variable} is described differently by the ${adapter.name} ${port} adapter: share one definition of it`);
        }
        row.profiles.push(useText(adapter, facts));
      }
    }
  }
  const lines = ["| variable | default | profiles | meaning |", "| --- | --- | --- | --- |"];
  for (const [variable, { facts, profiles: used }] of rows) {
    const port = portOfChoice.get(variable);
    const shownDefault = port === undefined ? defaultText(facts) : choiceDefault(port);
    const meaning = port === undefined ? (facts.description ?? "") : choiceMeaning(port, facts.description);
    lines.push(`| ${code(variable)} | ${cell(shownDefault)} | ${cell(used.join("; "))} | ${cell(meaning)} |`);
  }
  return lines.join("\n");
}
