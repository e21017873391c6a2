/**
 * Checks the risk-screen evaluation set (dev.jsonl and test.jsonl beside this file): the schema
 * of every line, then the counts the set promises, per split and in total. Prints the counts;
 * exits 1 on any schema error or when a minimum is not met (minimums are on the total; each
 * category and negative type must also appear in both splits). Then the second held-out set,
 * test2.jsonl (written later, by another writer, before the rules were tuned again): the same
 * schema, ids unique across all three files, and its own minimums (`MIN_TEST2`). Then the blind
 * third held-out set, test3.jsonl (written without reading the rules or the other sets): the same
 * schema, ids unique across all four files, and its minimums (`MIN_TEST3`). Then the blind fourth
 * held-out set, test4.jsonl (real-session style: long, rambling turns, more speech-recognition
 * text): the same schema, ids unique across all five files, and its minimums (`MIN_TEST4`). Then the
 * blind fifth held-out set, test5.jsonl (varied real-session text): the same schema, ids unique
 * across all six files, and its minimums (`MIN_TEST5`).
 *
 *   node bench/data/risk-screen/check-dataset.ts
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CATEGORIES = [
  "passive_death_wish",
  "active_ideation",
  "suicide_method",
  "suicide_intent_or_plan",
  "preparatory_behaviour",
  "self_harm",
  "harm_to_others",
  "abuse",
  "substance",
] as const;
const PATIENT_NEGATIVES = [
  "negation",
  "hypothetical",
  "third_person",
  "idiom",
  "clarifying_question",
  "accidental_injury",
  "negated_list",
  "prescribed_medication",
] as const;
const THERAPIST_NEGATIVES = ["therapist_question"] as const;
/** Subtypes with a closed list; self_harm subtypes are free text (the method). */
const SUBTYPES: Record<string, readonly string[]> = {
  substance: ["alcohol", "illicit", "prescription_misuse", "tobacco"],
  abuse: ["physical", "sexual", "emotional", "neglect", "coercive_control"],
  harm_to_others: ["thoughts", "means", "named_person"],
  preparatory_behaviour: ["means", "letters", "giving_away", "goodbyes", "affairs"],
};
const VICTIMS = ["child", "adult"];

const MIN = {
  patientUtterances: 420,
  currentPerCategory: 25,
  currentStrong: { suicide_intent_or_plan: 30, suicide_method: 30, active_ideation: 30 } as Record<string, number>,
  perSubtype: 4,
  history: 40,
  perPatientNegative: 15,
  therapistQuestion: 30,
  plain: 80,
  asrShare: 0.25,
};

/** The second held-out set: smaller, but every category, subtype and negative type present. */
const MIN_TEST2 = { patientUtterances: 200, perCategory: 1, perSubtype: 1, perNegative: 1, history: 5, plain: 15, asrShare: 0.25 };

/**
 * The blind third held-out set: at least 160 dialogues and 250 patient utterances, every category
 * measured (25 each for active ideation and intent or plan), every subtype, and at least 8 of each
 * patient hard-negative type.
 */
const MIN_TEST3 = {
  dialogues: 160,
  patientUtterances: 250,
  perCategory: 10,
  strong: { suicide_intent_or_plan: 25, active_ideation: 25 } as Record<string, number>,
  perSubtype: 2,
  perPatientNegative: 8,
  therapistQuestion: 30,
  history: 10,
  plain: 20,
  asrShare: 0.25,
};

/**
 * The blind fourth held-out set (real-session style): at least 250 dialogues and 350 patient
 * utterances, 25 current each of active ideation and intent or plan, 10 of every other current
 * category, 2 of every subtype, 10 of each patient hard-negative type, and at least 35 % `asr`.
 */
const MIN_TEST4 = {
  dialogues: 250,
  patientUtterances: 350,
  perCategory: 10,
  strong: { suicide_intent_or_plan: 25, active_ideation: 25 } as Record<string, number>,
  perSubtype: 2,
  perPatientNegative: 10,
  therapistQuestion: 40,
  history: 10,
  plain: 40,
  asrShare: 0.35,
};

/**
 * The blind fifth held-out set (varied real-session text: intake, check-ins, crisis and phone
 * calls, many kinds of speaker, slang, euphemism and risk shown by actions): at least 220
 * dialogues and 330 patient utterances, 25 current each of active ideation and intent or plan,
 * 15 of method, 10 of every other current category, 2 of every subtype, 10 of each patient
 * hard-negative type, and at least 40 % `asr`.
 */
const MIN_TEST5 = {
  dialogues: 220,
  patientUtterances: 330,
  perCategory: 10,
  strong: { suicide_intent_or_plan: 25, active_ideation: 25, suicide_method: 15 } as Record<string, number>,
  perSubtype: 2,
  perPatientNegative: 10,
  therapistQuestion: 40,
  history: 12,
  plain: 40,
  asrShare: 0.4,
};

interface Counts {
  dialogues: number;
  asr: number;
  patient: number;
  therapist: number;
  plain: number;
  current: Map<string, number>;
  history: Map<string, number>;
  subtypes: Map<string, number>;
  negatives: Map<string, number>;
}

function emptyCounts(): Counts {
  return { dialogues: 0, asr: 0, patient: 0, therapist: 0, plain: 0, current: new Map(), history: new Map(), subtypes: new Map(), negatives: new Map() };
}
const bump = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

const errors: string[] = [];
const ids = new Set<string>();
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function checkFile(name: string): Counts {
  const counts = emptyCounts();
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const lines = readFileSync(path, "utf8").split("\n");
  lines.forEach((line, index) => {
    const where = `${name}:${index + 1}`;
    if (line.trim() === "") return;
    let dialogue: unknown;
    try {
      dialogue = JSON.parse(line);
    } catch (error) {
      errors.push(`${where}: not JSON (${(error as Error).message})`);
      return;
    }
    if (!isObject(dialogue)) return void errors.push(`${where}: not an object`);
    const unknownKeys = Object.keys(dialogue).filter((key) => !["id", "style", "turns"].includes(key));
    if (unknownKeys.length > 0) errors.push(`${where}: unknown keys ${unknownKeys.join(", ")}`);
    const id = dialogue["id"];
    if (typeof id !== "string" || !/^d-\d{4}$/.test(id)) errors.push(`${where}: id ${JSON.stringify(id)} is not d-NNNN`);
    else if (ids.has(id)) errors.push(`${where}: id ${id} repeated`);
    else ids.add(id);
    const style = dialogue["style"];
    if (style !== "clean" && style !== "asr") errors.push(`${where}: style ${JSON.stringify(style)}`);
    const turns = dialogue["turns"];
    if (!Array.isArray(turns) || turns.length < 2 || turns.length > 8) return void errors.push(`${where}: turns must be an array of 2-8`);
    counts.dialogues++;
    if (style === "asr") counts.asr++;
    turns.forEach((turn: unknown, t) => {
      const at = `${where} (${String(id)} turn ${t + 1})`;
      if (!isObject(turn)) return void errors.push(`${at}: not an object`);
      const extra = Object.keys(turn).filter((key) => !["speaker", "text", "labels", "negative"].includes(key));
      if (extra.length > 0) errors.push(`${at}: unknown keys ${extra.join(", ")}`);
      if (typeof turn["text"] !== "string" || turn["text"].trim() === "") errors.push(`${at}: empty text`);
      const negative = turn["negative"];
      if (turn["speaker"] === "therapist") {
        counts.therapist++;
        if ("labels" in turn) errors.push(`${at}: a therapist turn has labels`);
        if (negative !== undefined) {
          if (!(THERAPIST_NEGATIVES as readonly unknown[]).includes(negative)) errors.push(`${at}: therapist negative ${JSON.stringify(negative)}`);
          else bump(counts.negatives, negative as string);
        }
        return;
      }
      if (turn["speaker"] !== "patient") return void errors.push(`${at}: speaker ${JSON.stringify(turn["speaker"])}`);
      counts.patient++;
      const labels = turn["labels"];
      if (!Array.isArray(labels)) return void errors.push(`${at}: a patient turn without labels`);
      if (negative !== undefined) {
        if (labels.length > 0) errors.push(`${at}: negative on a turn with labels`);
        if (!(PATIENT_NEGATIVES as readonly unknown[]).includes(negative)) errors.push(`${at}: patient negative ${JSON.stringify(negative)}`);
        else bump(counts.negatives, negative as string);
      } else if (labels.length === 0) counts.plain++;
      const seen = new Set<string>();
      const counted = new Set<string>(); // a category counts once per utterance and temporality
      for (const label of labels as unknown[]) {
        if (!isObject(label)) {
          errors.push(`${at}: a label is not an object`);
          continue;
        }
        const extraKeys = Object.keys(label).filter((key) => !["category", "temporality", "subtype", "victim"].includes(key));
        if (extraKeys.length > 0) errors.push(`${at}: label keys ${extraKeys.join(", ")}`);
        const category = label["category"];
        if (!(CATEGORIES as readonly unknown[]).includes(category)) {
          errors.push(`${at}: category ${JSON.stringify(category)}`);
          continue;
        }
        const cat = category as string;
        const temporality = label["temporality"];
        if (temporality !== "current" && temporality !== "history") errors.push(`${at}: temporality ${JSON.stringify(temporality)}`);
        else if (!counted.has(`${cat}/${temporality}`)) {
          counted.add(`${cat}/${temporality}`);
          bump(temporality === "current" ? counts.current : counts.history, cat);
        }
        const subtype = label["subtype"];
        if (subtype !== undefined) {
          const allowed = SUBTYPES[cat];
          if (typeof subtype !== "string" || subtype === "") errors.push(`${at}: subtype ${JSON.stringify(subtype)}`);
          else if (allowed && !allowed.includes(subtype)) errors.push(`${at}: subtype ${subtype} is not one of ${cat}'s`);
          else if (allowed) bump(counts.subtypes, `${cat}/${subtype}`);
        }
        const victim = label["victim"];
        if (victim !== undefined && (cat !== "abuse" || !VICTIMS.includes(victim as string))) errors.push(`${at}: victim ${JSON.stringify(victim)}`);
        const key = `${cat}/${String(subtype)}/${String(temporality)}`;
        if (seen.has(key)) errors.push(`${at}: label ${key} twice`);
        seen.add(key);
      }
    });
  });
  return counts;
}

function add(a: Counts, b: Counts): Counts {
  const sum = emptyCounts();
  for (const key of ["dialogues", "asr", "patient", "therapist", "plain"] as const) sum[key] = a[key] + b[key];
  for (const key of ["current", "history", "subtypes", "negatives"] as const)
    for (const source of [a[key], b[key]]) for (const [name, n] of source) sum[key].set(name, (sum[key].get(name) ?? 0) + n);
  return sum;
}

const dev = checkFile("dev.jsonl");
const test = checkFile("test.jsonl");
const total = add(dev, test);
const shortfalls: string[] = [];

const rows: [string, (c: Counts) => number, number | undefined][] = [
  ["dialogues", (c) => c.dialogues, undefined],
  ["  asr style", (c) => c.asr, undefined],
  ["therapist turns", (c) => c.therapist, undefined],
  ["patient utterances", (c) => c.patient, MIN.patientUtterances],
  ["  plain (no label, no negative)", (c) => c.plain, MIN.plain],
];
for (const category of CATEGORIES)
  rows.push([`current ${category}`, (c) => c.current.get(category) ?? 0, MIN.currentStrong[category] ?? MIN.currentPerCategory]);
for (const category of CATEGORIES) rows.push([`history ${category}`, (c) => c.history.get(category) ?? 0, undefined]);
rows.push(["history labels (all)", (c) => [...c.history.values()].reduce((s, n) => s + n, 0), MIN.history]);
for (const [category, subtypes] of Object.entries(SUBTYPES))
  for (const subtype of subtypes) rows.push([`subtype ${category}/${subtype}`, (c) => c.subtypes.get(`${category}/${subtype}`) ?? 0, MIN.perSubtype]);
for (const negative of [...PATIENT_NEGATIVES, ...THERAPIST_NEGATIVES])
  rows.push([`negative ${negative}`, (c) => c.negatives.get(negative) ?? 0, negative === "therapist_question" ? MIN.therapistQuestion : MIN.perPatientNegative]);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${"".padEnd(width)}    dev   test  total    min`);
for (const [name, get, min] of rows) {
  const [d, t, all] = [get(dev), get(test), get(total)];
  let mark = "";
  if (min !== undefined && all < min) {
    mark = "  < min";
    shortfalls.push(`${name.trim()}: ${all} < ${min}`);
  }
  // Every category, subtype and negative type must be measured on both splits.
  if ((name.startsWith("current ") || name.startsWith("subtype ") || name.startsWith("negative ")) && (d === 0 || t === 0)) {
    mark += "  missing in a split";
    shortfalls.push(`${name.trim()}: missing in ${d === 0 ? "dev" : "test"}`);
  }
  console.log(`${name.padEnd(width)} ${String(d).padStart(6)} ${String(t).padStart(6)} ${String(all).padStart(6)} ${min === undefined ? "      " : String(min).padStart(6)}${mark}`);
}
const asrShare = total.dialogues === 0 ? 0 : total.asr / total.dialogues;
const testShare = total.dialogues === 0 ? 0 : test.dialogues / total.dialogues;
console.log(`asr share ${(asrShare * 100).toFixed(1)} % (min ${MIN.asrShare * 100} %); test share ${(testShare * 100).toFixed(1)} % of dialogues`);
if (asrShare < MIN.asrShare) shortfalls.push(`asr share ${(asrShare * 100).toFixed(1)} % < 25 %`);
if (testShare < 0.25 || testShare > 0.35) shortfalls.push(`test share ${(testShare * 100).toFixed(1)} % is not about 30 %`);

// The second held-out set, on its own minimums.
const test2 = checkFile("test2.jsonl");
const rows2: [string, number, number][] = [
  ["dialogues", test2.dialogues, 0],
  ["  asr style", test2.asr, 0],
  ["therapist turns", test2.therapist, 0],
  ["patient utterances", test2.patient, MIN_TEST2.patientUtterances],
  ["  plain (no label, no negative)", test2.plain, MIN_TEST2.plain],
  ...CATEGORIES.map((category): [string, number, number] => [`current ${category}`, test2.current.get(category) ?? 0, MIN_TEST2.perCategory]),
  ["history labels (all)", [...test2.history.values()].reduce((sum, n) => sum + n, 0), MIN_TEST2.history],
  ...Object.entries(SUBTYPES).flatMap(([category, subtypes]) =>
    subtypes.map((subtype): [string, number, number] => [`subtype ${category}/${subtype}`, test2.subtypes.get(`${category}/${subtype}`) ?? 0, MIN_TEST2.perSubtype]),
  ),
  ...[...PATIENT_NEGATIVES, ...THERAPIST_NEGATIVES].map((negative): [string, number, number] => [`negative ${negative}`, test2.negatives.get(negative) ?? 0, MIN_TEST2.perNegative]),
];
console.log(`\ntest2.jsonl (second held-out set)`);
for (const [name, count, min] of rows2) {
  const mark = count < min ? "  < min" : "";
  if (mark) shortfalls.push(`test2 ${name.trim()}: ${count} < ${min}`);
  console.log(`${name.padEnd(width)} ${String(count).padStart(6)} ${min === 0 ? "      " : String(min).padStart(6)}${mark}`);
}
const asrShare2 = test2.dialogues === 0 ? 0 : test2.asr / test2.dialogues;
console.log(`asr share ${(asrShare2 * 100).toFixed(1)} % (min ${MIN_TEST2.asrShare * 100} %)`);
if (asrShare2 < MIN_TEST2.asrShare) shortfalls.push(`test2 asr share ${(asrShare2 * 100).toFixed(1)} % < 25 %`);

/** A blind held-out set on its own minimums (test3, test4, test5): its counts printed, its shortfalls kept. */
function checkBlindSet(name: string, title: string, min: typeof MIN_TEST3): void {
  const set = checkFile(`${name}.jsonl`);
  const rows: [string, number, number][] = [
    ["dialogues", set.dialogues, min.dialogues],
    ["  asr style", set.asr, 0],
    ["therapist turns", set.therapist, 0],
    ["patient utterances", set.patient, min.patientUtterances],
    ["  plain (no label, no negative)", set.plain, min.plain],
    ...CATEGORIES.map((category): [string, number, number] => [`current ${category}`, set.current.get(category) ?? 0, min.strong[category] ?? min.perCategory]),
    ...CATEGORIES.map((category): [string, number, number] => [`history ${category}`, set.history.get(category) ?? 0, 0]),
    ["history labels (all)", [...set.history.values()].reduce((sum, n) => sum + n, 0), min.history],
    ...Object.entries(SUBTYPES).flatMap(([category, subtypes]) =>
      subtypes.map((subtype): [string, number, number] => [`subtype ${category}/${subtype}`, set.subtypes.get(`${category}/${subtype}`) ?? 0, min.perSubtype]),
    ),
    ...[...PATIENT_NEGATIVES, ...THERAPIST_NEGATIVES].map((negative): [string, number, number] => [
      `negative ${negative}`,
      set.negatives.get(negative) ?? 0,
      negative === "therapist_question" ? min.therapistQuestion : min.perPatientNegative,
    ]),
  ];
  console.log(`\n${name}.jsonl (${title})`);
  for (const [row, count, least] of rows) {
    const mark = count < least ? "  < min" : "";
    if (mark) shortfalls.push(`${name} ${row.trim()}: ${count} < ${least}`);
    console.log(`${row.padEnd(width)} ${String(count).padStart(6)} ${least === 0 ? "      " : String(least).padStart(6)}${mark}`);
  }
  const asrShare = set.dialogues === 0 ? 0 : set.asr / set.dialogues;
  console.log(`asr share ${(asrShare * 100).toFixed(1)} % (min ${min.asrShare * 100} %)`);
  if (asrShare < min.asrShare) shortfalls.push(`${name} asr share ${(asrShare * 100).toFixed(1)} % < ${min.asrShare * 100} %`);
}

checkBlindSet("test3", "third held-out set, blind", MIN_TEST3);
checkBlindSet("test4", "fourth held-out set, blind, real-session style", MIN_TEST4);
checkBlindSet("test5", "fifth held-out set, blind, varied real-session text", MIN_TEST5);

for (const error of errors) console.error(`error: ${error}`);
for (const shortfall of shortfalls) console.error(`below minimum: ${shortfall}`);
if (errors.length > 0 || shortfalls.length > 0) {
  console.error(`FAIL: ${errors.length} schema error(s), ${shortfalls.length} shortfall(s)`);
  process.exit(1);
}
console.log("OK: schema valid, every minimum met");
