/** Words of doubt that hedge a commitment or an assent: "maybe I'll…", "I'll probably…", "perhaps that's a good idea", "likely". Data for the plan rules (`plan-commitment.ts`, `plan-question.ts`). */
export const hedgeAdverbs: ReadonlySet<string> = new Set(["maybe", "perhaps", "might", "probably", "possibly", "hopefully", "likely"]);
