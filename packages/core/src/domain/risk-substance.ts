/**
 * The substances a substance flag is grouped by, each with the words that name it (lower case,
 * whole words; a trailing `*` matches any ending), named drugs before alcohol and tobacco ("smoke
 * weed" is cannabis). The first that a flag's quote names is its substance; a quote naming none
 * is `other`.
 */
const substanceWords: ReadonlyArray<{ substance: string; label: string; words: readonly string[] }> = [
  { substance: "cannabis", label: "Cannabis", words: ["cannabis", "weed", "marijuana", "joint*", "spliff*", "pot", "skunk", "edible*", "thc"] },
  { substance: "cocaine", label: "Cocaine", words: ["cocaine", "coke", "crack", "charlie"] },
  { substance: "opioids", label: "Heroin or opioids", words: ["heroin", "smack", "opioid*", "opiate*", "oxy*", "fentanyl", "percs", "percocet*", "methadone", "codeine", "tramadol", "morphine", "lean"] },
  { substance: "stimulants", label: "Stimulants", words: ["meth", "ice", "speed", "amphetamine*", "adderall", "ritalin", "mdma", "ecstasy", "molly"] },
  { substance: "sedatives", label: "Sedatives or sleeping tablets", words: ["diazepam", "valium", "xanax", "benzo*", "zolpidem", "zopiclone", "sleeping"] },
  {
    substance: "alcohol",
    label: "Alcohol",
    words: ["alcohol*", "drink*", "drank", "drunk*", "wine*", "beer*", "vodka", "whisk*", "gin", "rum", "cider", "booze*", "pint*", "cans", "spirits", "lager*", "shots", "hungover", "hangover*", "prosecco", "champagne", "brandy", "tequila", "bourbon", "sherry", "port and lemon", "alcopop*"],
  },
  { substance: "tobacco", label: "Tobacco or nicotine", words: ["smok*", "cigarette*", "cig*", "fags", "vap*", "nicotine", "tobacco", "juul*", "chew*"] },
  { substance: "medication", label: "Medication not as prescribed", words: ["medication*", "prescri*", "tablets", "dose*", "painkiller*"] },
  { substance: "drugs", label: "Drugs", words: ["drug*", "using", "used", "high", "dealer*"] },
];

const matchers = substanceWords.map(({ substance, label, words }) => ({
  substance,
  label,
  regex: new RegExp(`(?:^|[^a-z'])(?:${words.map((word) => (word.endsWith("*") ? `${word.slice(0, -1)}[a-z']*` : word)).join("|")})(?:$|[^a-z'])`),
}));

/** The substance a quote names (`substanceWords`), `other` when it names none. */
export function substanceOf(quote: string): string {
  const words = quote.toLowerCase();
  return matchers.find((matcher) => matcher.regex.test(words))?.substance ?? "other";
}

/** True when a quote names tobacco by smoking alone ("I smoke every night"), which may be cannabis smoked; not "cigarettes", "vaping"… */
export function namesOnlySmoking(quote: string): boolean {
  const words = quote.toLowerCase();
  return /(?:^|[^a-z'])smok/.test(words) && substanceOf(words.replace(/smok[a-z']*/g, " ")) !== "tobacco";
}

/** A substance's plain words ("Alcohol"). */
export function substanceLabel(substance: string): string {
  return substanceWords.find((entry) => entry.substance === substance)?.label ?? "Other substances";
}

