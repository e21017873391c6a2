/**
 * The embedded risk screen's rules, read from `risk-rules.yaml` (the data file beside this one,
 * which a clinician can review: its header says how a row reads) and checked once, at the first
 * screen: every row's fields, its category, the shorthands it names, and that each wording
 * compiles. A broken file fails with an error naming the row and what is wrong with it.
 *
 * The file is read from `src/embedded-risk-screen/` both when this module runs from source and
 * when it runs from `dist/embedded-risk-screen/` (the package ships `src`, and both folders sit
 * at the same depth, as `migrations/` is found by `sql-migrations.ts`).
 */
import { readFileSync } from "node:fs";
import { riskCategories } from "@confide/core/adapter-kit";
import type { RiskCategory } from "@confide/core/ports";
import { CORE_SCHEMA, load } from "js-yaml";
import { z } from "zod";

/** One row: one way of saying a risk (the data file's header explains each field). */
export interface RiskPattern {
  /** Stable name, shown in a flag's details: `<category>.<what>`. */
  id: string;
  category: RiskCategory;
  /** What the flag says it saw, in plain words (the subject is the speaker). */
  says: string;
  /** The row's wordings joined into one regular expression (shorthands not yet expanded). */
  pattern: string;
  /** Sentences that must raise this row (checked by the tests). */
  examples: string[];
  /** Rows about someone else's risk: recorded as such, never as the speaker's; or rows always of the speaker's own risk, whoever the sentence's subject ("she'd be better off with the life insurance"). */
  subject?: "other_person" | "speaker";
  /** Rows that only ever speak of the past ("I stopped drinking"): a history flag. */
  temporality?: "history";
  /** Rows too ambiguous alone ("I'm going to do it on Friday"): raised only when suicide was talked about in the last few turns. */
  needsSuicideContext?: boolean;
  /** Acts of everyday life too ("I cancelled my phone contract"): a statement (which may page) only when suicide was talked about in the last few turns; otherwise listed to review. */
  ordinaryAlone?: boolean;
  /**
   * A wish to be dead said outright ("I wish I was dead", "I want to die"): the speaker's own
   * words of it are a `statement` (the screener's first question answered yes), which core's page
   * rule lists to review and never pages. Other passive rows (a burden, can't go on) stay mentions.
   */
  wishToBeDead?: boolean;
  /**
   * Rows naming a medicine (insulin, tablets), which is taken as prescribed too: in the other
   * speaker's words ("so you went without your insulin") it starts no talk of suicide, unless asked
   * of as a means ("the tablets you've been saving").
   */
  namesMedicine?: boolean;
  /** Rows near to a risk but not it ("I punched the door": things hit in anger): always listed to review, never a statement that pages. */
  reviewOnly?: boolean;
  /** Planning one's funeral or affairs: where the speaker has named a terminal illness, planning ahead, not preparing (`isPlanningAhead`). */
  plannedAheadInIllness?: boolean;
  /**
   * Acts done only to die ("I tied it to the beam last night"): in the speaker's own words where
   * suicide was just talked about, a statement (which may page) with no word of suicide in the
   * sentence; elsewhere listed to review.
   */
  statesInContext?: boolean;
}

/** A meaning said together with another (`with`), in the same sentence or the one next to it in the turn. */
export interface RiskConcept extends RiskPattern {
  /** What must be said with it. */
  with: string;
  /** Only in the same sentence (a frame: "I" with a means). */
  sameSentence?: boolean;
  /**
   * Words that, in the concept's own sentence when its companion is only in the sentence next to
   * it, make that sentence an act of its own rather than the companion's: "I've been thinking about
   * ending my life. I'm going to call my sister." is no plan to die.
   */
  notApartWith?: string;
  /** A sentence that tells what the speaker did (`toldAsPast`: "On Tuesday I sat in the car…") does not raise it: a day named there is when it happened, not a time set. */
  pastIsNoPlan?: boolean;
}

export interface RiskRules {
  version: string;
  /** Each shorthand's regular expression (`{name}` in a wording), not yet expanded. */
  macros: Readonly<Record<string, string>>;
  rows: readonly RiskPattern[];
  concepts: readonly RiskConcept[];
}

const wording = z.string().min(1, "an empty wording");
const rowSchema = z.strictObject({
  id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, "an id is <category-ish>.<what>, lower case"),
  category: z.enum(riskCategories as [RiskCategory, ...RiskCategory[]]),
  says: z.string().min(1),
  subject: z.enum(["other_person", "speaker"]).optional(),
  temporality: z.literal("history").optional(),
  needsSuicideContext: z.literal(true).optional(),
  ordinaryAlone: z.literal(true).optional(),
  wishToBeDead: z.literal(true).optional(),
  namesMedicine: z.literal(true).optional(),
  reviewOnly: z.literal(true).optional(),
  plannedAheadInIllness: z.literal(true).optional(),
  statesInContext: z.literal(true).optional(),
  match: z.array(wording).min(1, "no wording"),
  examples: z.array(z.string().min(1)).min(1, "no example"),
});
const conceptSchema = rowSchema.extend({
  sameSentence: z.literal(true).optional(),
  with: z.array(wording).min(1, "no companion wording"),
  notApartWith: z.array(wording).min(1, "no wording").optional(),
  pastIsNoPlan: z.literal(true).optional(),
});
const shorthandSchema = z.union([
  z.strictObject({ means: z.string().min(1), any: z.array(wording).min(2), plural: z.literal(true).optional() }),
  z.strictObject({ means: z.string().min(1), pattern: wording }),
]);
const fileSchema = z.strictObject({
  version: z.string().min(1),
  shorthands: z.record(z.string().regex(/^\w+$/), shorthandSchema),
  rows: z.array(z.unknown()).min(1),
  concepts: z.array(z.unknown()),
});

/** Where the data file is, from source or from `dist` (see the module comment). */
export const riskRulesFile = new URL("../../src/embedded-risk-screen/risk-rules.yaml", import.meta.url);

const describe = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join(".") || "(the row)"}: ${issue.message}`).join("; ");

/** Every `{name}` in a wording replaced by its shorthand, three levels deep (shorthands name shorthands). */
export function expandShorthands(pattern: string, macros: Readonly<Record<string, string>>): string {
  let expanded = pattern;
  for (let round = 0; round < 3; round += 1) expanded = expanded.replace(/\{([A-Za-z]\w*)\}/g, (whole, name: string) => macros[name] ?? whole);
  return expanded;
}

/**
 * Reads and checks the rules from YAML text.
 * @throws Error naming the row (or shorthand) and what is wrong: a missing or wrong field, an
 * unknown category or shorthand, a duplicate id, a wording that does not compile.
 */
export function parseRiskRules(text: string, source = "risk-rules.yaml"): RiskRules {
  const fail = (where: string, what: string): never => {
    throw new Error(`${source}: ${where}: ${what}`);
  };
  let data: unknown;
  try {
    // js-yaml: a fifth of the `yaml` package's time on this file, whose first read is on a
    // readiness probe's path. YAML 1.2's core schema: no dates or other types a rule never holds.
    data = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    return fail("not valid YAML", error instanceof Error ? error.message : String(error));
  }
  const file = fileSchema.safeParse(data);
  if (!file.success) return fail("the file", describe(file.error));
  const macros: Record<string, string> = {};
  for (const [name, shorthand] of Object.entries(file.data.shorthands)) {
    macros[name] = "any" in shorthand ? `(?:${shorthand.any.join("|")})${shorthand.plural ? "s?" : ""}` : shorthand.pattern;
  }
  const ids = new Set<string>();
  const check = (pattern: string, where: string) => {
    for (const [, name] of pattern.matchAll(/\{([A-Za-z]\w*)\}/g)) if (!(name! in macros)) fail(where, `unknown shorthand {${name}}`);
    try {
      new RegExp(expandShorthands(pattern, macros));
    } catch (error) {
      fail(where, `a wording does not compile: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const [name, pattern] of Object.entries(macros)) check(pattern, `shorthand ${name}`);
  const readRow = <S extends typeof rowSchema | typeof conceptSchema>(raw: unknown, index: number, list: string, schema: S): z.infer<S> & { where: string } => {
    const id = typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : `#${index + 1}`;
    const where = `${list} row ${id}`;
    const row = schema.safeParse(raw);
    if (!row.success) fail(where, describe(row.error));
    const parsed = row.data as z.infer<S>;
    if (ids.has(parsed.id)) fail(where, "a second row with this id");
    ids.add(parsed.id);
    parsed.match.forEach((item, at) => check(item, `${where}, match item ${at + 1}`));
    return { ...parsed, where };
  };
  const common = (row: z.infer<typeof rowSchema>): RiskPattern => ({
    id: row.id,
    category: row.category,
    says: row.says,
    pattern: row.match.join("|"),
    examples: row.examples,
    ...(row.subject === undefined ? {} : { subject: row.subject }),
    ...(row.temporality === undefined ? {} : { temporality: row.temporality }),
    ...(row.needsSuicideContext === undefined ? {} : { needsSuicideContext: row.needsSuicideContext }),
    ...(row.ordinaryAlone === undefined ? {} : { ordinaryAlone: row.ordinaryAlone }),
    ...(row.wishToBeDead === undefined ? {} : { wishToBeDead: row.wishToBeDead }),
    ...(row.namesMedicine === undefined ? {} : { namesMedicine: row.namesMedicine }),
    ...(row.reviewOnly === undefined ? {} : { reviewOnly: row.reviewOnly }),
    ...(row.plannedAheadInIllness === undefined ? {} : { plannedAheadInIllness: row.plannedAheadInIllness }),
    ...(row.statesInContext === undefined ? {} : { statesInContext: row.statesInContext }),
  });
  const rows = file.data.rows.map((raw, index) => common(readRow(raw, index, "rows", rowSchema)));
  const concepts = file.data.concepts.map((raw, index): RiskConcept => {
    const row = readRow(raw, index, "concepts", conceptSchema);
    row.with.forEach((item, at) => check(item, `${row.where}, with item ${at + 1}`));
    row.notApartWith?.forEach((item, at) => check(item, `${row.where}, notApartWith item ${at + 1}`));
    return {
      ...common(row),
      with: row.with.join("|"),
      ...(row.sameSentence === undefined ? {} : { sameSentence: row.sameSentence }),
      ...(row.notApartWith === undefined ? {} : { notApartWith: row.notApartWith.join("|") }),
      ...(row.pastIsNoPlan === undefined ? {} : { pastIsNoPlan: row.pastIsNoPlan }),
    };
  });
  return { version: file.data.version, macros, rows, concepts };
}

let loaded: RiskRules | null = null;

/** The rules, read and checked once, at the first call. @throws Error as `parseRiskRules`. */
export function riskRules(): RiskRules {
  loaded ??= parseRiskRules(readFileSync(riskRulesFile, "utf8"));
  return loaded;
}
