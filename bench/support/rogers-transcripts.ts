/**
 * Reads the six sessions of *Transcripts of Carl Rogers' Therapy Sessions*, Volume 12, from the
 * book's plain text (`carl-rogers-transcripts/rogers_vol12_raw_transcripts.txt`). Each session
 * lies between a start and an end heading; its speaker markers differ by session — `C` is the
 * client except in the two Sylvia sessions, where it is Carl, the therapist. Dropped: page
 * footers and the licence line under them, footnotes, the voiced-over commentaries in brackets
 * (which run over several lines), and inline notes in parentheses (`(T: Mhm)`, `(Pause 8
 * seconds.)`). A word hyphenated across a line break is joined; a turn marked "(continued)" after a
 * commentary joins the turn it continues.
 */
export interface RogersTurn {
  role: "patient" | "therapist";
  text: string;
}
export interface RogersSession {
  name: string;
  turns: RogersTurn[];
}

interface SessionLayout {
  name: string;
  start: RegExp;
  end: RegExp;
  /** A turn's first line: the marker (group 1 the speaker code), then the text. */
  marker: RegExp;
  therapist: ReadonlySet<string>;
}

const tc = /^(T|C)\s?\d*:\s*/;
const sylvia = /^(Carl|Sylvia|C|S)\s?\d*(?: \(continued\))?:\s*/;
const sessions: readonly SessionLayout[] = [
  { name: "gloria", start: /^THERAPIST: DR\. CARL ROGERS/, end: /^END of FILM/, marker: /^(T|C)\d+\s+/, therapist: new Set(["T"]) },
  { name: "sylvia-4", start: /^Carl Rogers 4th Interview with Sylvia/, end: /^Carl Rogers Demonstrates Client-Centered Therapy/, marker: sylvia, therapist: new Set(["C", "Carl"]) },
  { name: "sylvia-5", start: /^Session 5 with Sylvia/, end: /^END OF SESSION/, marker: sylvia, therapist: new Set(["C", "Carl"]) },
  { name: "kathy", start: /^Carl Rogers’ Interview with Kathy/, end: /^END$/, marker: tc, therapist: new Set(["T"]) },
  { name: "dione-1", start: /^Carl Rogers' First Session with Dione/, end: /^(Throughout this interview|Carl Rogers Counsels an Individual on Anger and Hurt)/, marker: tc, therapist: new Set(["T"]) },
  { name: "dione-2", start: /^Second Interview -- 1977/, end: /^FINAL COMMENT BY ROGERS/, marker: tc, therapist: new Set(["T"]) },
];

const footer = /^(Rogers’ Transcripts, Volume 12|This transcript is available for purposes|(not )?be sold\.|not be sold\.|sold\.$|page \d+$)/;
const footnote = /^\d+ This /;
/** A voiced-over commentary opens a line: `[Carl: …`, `C Commentary 2: […`, `[Rogers’ voice …`. */
const commentaryStart = /^(?:(?:Carl|C|S|Sylvia|Rogers)\s+Commentary\s+\d+:\s*)?\[/;

function cleanTurn(lines: string[]): string {
  let text = "";
  for (const line of lines) {
    const trimmed = line.trim();
    if (text.endsWith("-") && /^[a-z]/.test(trimmed) && /[a-z]-$/.test(text)) text = text.slice(0, -1) + trimmed;
    else text = text === "" ? trimmed : `${text} ${trimmed}`;
  }
  return text
    .replace(/\([^()]*\)/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\s+([.,?!;:])/g, "$1")
    .trim();
}

export function rogersSessions(book: string): RogersSession[] {
  const lines = book.split(/\r?\n/);
  return sessions.map((layout) => {
    const startAt = lines.findIndex((line) => layout.start.test(line));
    if (startAt === -1) throw new Error(`Rogers transcripts: no start heading for ${layout.name}`);
    const endOffset = lines.slice(startAt + 1).findIndex((line) => layout.end.test(line));
    const endAt = endOffset === -1 ? lines.length : startAt + 1 + endOffset;
    const turns: RogersTurn[] = [];
    let current: { role: RogersTurn["role"]; lines: string[]; continued: boolean } | undefined;
    const close = () => {
      if (current === undefined) return;
      const text = cleanTurn(current.lines);
      const last = turns.at(-1);
      // A turn interrupted by a commentary goes on after it ("S6 (continued):"): one turn.
      if (text !== "" && current.continued && last?.role === current.role) last.text = `${last.text} ${text}`;
      else if (text !== "") turns.push({ role: current.role, text });
      current = undefined;
    };
    let inCommentary = false;
    for (const line of lines.slice(startAt + 1, endAt)) {
      if (footer.test(line.trim()) || footnote.test(line)) continue;
      if (inCommentary) {
        if (line.includes("]")) inCommentary = false;
        continue;
      }
      if (commentaryStart.test(line)) {
        if (!line.includes("]")) inCommentary = true;
        continue;
      }
      const marker = layout.marker.exec(line);
      if (marker !== null) {
        close();
        const code = marker[1] as string;
        current = { role: layout.therapist.has(code) ? "therapist" : "patient", lines: [line.slice(marker[0].length)], continued: marker[0].includes("(continued)") };
        continue;
      }
      current?.lines.push(line);
    }
    close();
    return { name: layout.name, turns };
  });
}
