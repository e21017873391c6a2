import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvObjects, parseCsv } from "../../bench/support/csv.ts";
import { parsePythonStringList } from "../../bench/support/python-string-list.ts";
import { counselChatConversations, esconvConversations, failedEsconvConversations, loadRealDialogue, redditUsers } from "../../bench/support/real-dialogue.ts";
import { rogersSessions } from "../../bench/support/rogers-transcripts.ts";

describe("parseCsv", () => {
  it("reads quoted fields with commas, line breaks and doubled quotes", () => {
    expect(parseCsv('a,b,c\n1,"two, with a comma","three\nlines\r\nhere"\n4,"she said ""hi""",\n')).toEqual([
      ["a", "b", "c"],
      ["1", "two, with a comma", "three\nlines\r\nhere"],
      ["4", 'she said "hi"', ""],
    ]);
  });
  it("takes CRLF line ends and a last line without a line break", () => {
    expect(parseCsv("x,y\r\n1,2\r\n3,4")).toEqual([["x", "y"], ["1", "2"], ["3", "4"]]);
  });
  it("keeps empty fields, a quoted empty field included", () => {
    expect(parseCsv(',"",\n')).toEqual([["", "", ""]]);
  });
  it("refuses a quote left open and a quote inside an unquoted field", () => {
    expect(() => parseCsv('a,"never closed\n')).toThrow(/not closed/);
    expect(() => parseCsv('a,b"c\n')).toThrow(/unquoted field/);
    expect(() => parseCsv('"closed"then more\n')).toThrow(/after a closing quote/);
  });
  it("keys records by the header and refuses a record of another width", () => {
    expect(csvObjects("name,age\nAda,36\n")).toEqual([{ name: "Ada", age: "36" }]);
    expect(() => csvObjects("name,age\nAda\n")).toThrow(/record 2 has 1 fields/);
  });
});

describe("parsePythonStringList", () => {
  it("reads single- and double-quoted items with Python's escapes", () => {
    expect(parsePythonStringList(`['first one', "it's the second", 'a \\'quote\\' and a \\\\ and\\nline', '\\xe9t\\u00e9']`)).toEqual({
      items: ["first one", "it's the second", "a 'quote' and a \\ and\nline", "été"],
      complete: true,
    });
  });
  it("reads an empty list", () => {
    expect(parsePythonStringList("[]")).toEqual({ items: [], complete: true });
  });
  it("gives the items read so far and the cut item when the literal is cut short", () => {
    expect(parsePythonStringList("['whole post', 'a post cut in the mid")).toEqual({ items: ["whole post", "a post cut in the mid"], complete: false });
  });
  it("refuses what is not a list of strings", () => {
    expect(() => parsePythonStringList("no list here")).toThrow(/no opening bracket/);
    expect(() => parsePythonStringList("[1, 2]")).toThrow(/expected a string/);
  });
});

describe("ESConv", () => {
  it("numbers lines from 1, joins one speaker's consecutive messages into a turn and keeps the situation", () => {
    const line = (texts: [string, string][]) => JSON.stringify({ situation: "My own words about work.", problem_type: "job crisis", dialog: texts.map(([speaker, text]) => ({ speaker, text })) });
    const jsonl = `${line([["usr", "Hello there."], ["usr", "I lost my job."], ["sys", "That sounds hard."]])}\n${line([["usr", "hi"]])}`;
    const [first, second] = esconvConversations("valid", jsonl);
    expect(first).toEqual({
      id: "esconv:valid:1",
      source: "esconv",
      situation: "My own words about work.",
      topic: "job crisis",
      turns: [
        { role: "patient", text: "Hello there. I lost my job." },
        { role: "therapist", text: "That sounds hard." },
      ],
    });
    expect(second?.id).toBe("esconv:valid:2");
  });
  it("reads FailedESConv's original schema, indexed from 0, text in content with trailing line breaks", () => {
    const json = JSON.stringify([
      { situation: "s", dialog: [{ speaker: "speaker", annotation: {}, content: "I feel low\n" }, { speaker: "listener", annotation: { strategy: "Questions" }, content: "Why is that?\n" }] },
      { situation: "t", dialog: [{ speaker: "speaker", annotation: {}, content: "hello\n" }] },
    ]);
    const conversations = failedEsconvConversations(json);
    expect(conversations.map((conversation) => conversation.id)).toEqual(["esconv-failed:0", "esconv-failed:1"]);
    expect(conversations[0]?.turns).toEqual([
      { role: "patient", text: "I feel low" },
      { role: "therapist", text: "Why is that?" },
    ]);
  });
  it("refuses an unknown speaker", () => {
    expect(() => esconvConversations("train", JSON.stringify({ dialog: [{ speaker: "narrator", text: "x" }] }))).toThrow(/unknown speaker/);
  });
});

describe("counsel-chat", () => {
  it("makes one conversation per question: the question, then each distinct answer", () => {
    const csv = [
      ",questionID,questionTitle,questionText,topic,answerText",
      '0,7,How do I sleep better,"I wake at four.\nEvery night.",sleep,"Try a routine, then see."',
      '1,7,How do I sleep better,"I wake at four.\nEvery night.",stress,"Try a routine, then see."',
      "2,7,How do I sleep better,I wake at four.,sleep,Keep a diary.",
      "3,9,Am I a good parent?,,parenting,Probably yes.",
    ].join("\n");
    expect(counselChatConversations(csv)).toEqual([
      {
        id: "counsel-chat:7",
        source: "counsel-chat",
        topic: "sleep, stress",
        turns: [
          { role: "patient", text: "How do I sleep better. I wake at four. Every night." },
          { role: "therapist", text: "Try a routine, then see." },
          { role: "therapist", text: "Keep a diary." },
        ],
      },
      { id: "counsel-chat:9", source: "counsel-chat", topic: "parenting", turns: [{ role: "patient", text: "Am I a good parent?" }, { role: "therapist", text: "Probably yes." }] },
    ]);
  });
});

describe("Rogers sessions", () => {
  it("reads each session's own speaker codes, drops footers, commentaries and inline notes, joins hyphenated words", () => {
    const book = [
      "THERAPIST: DR. CARL ROGERS",
      "T1 Good day. (C: Hello)",
      "C2 I am a little ner-",
      "vous today.",
      "Rogers’ Transcripts, Volume 12, Gloria Interview, page 5",
      "T2 That is all right.",
      "END of FILM and AUDIORECORDING",
      "Carl Rogers 4th Interview with Sylvia1 - 1975",
      "[Carl Rogers: a commentary that runs",
      "over two lines.]",
      "Carl: Hello.",
      "S 1: Hi. (Pause 8 seconds.)",
      "C 1: Good to see you.",
      "Carl Rogers Demonstrates Client-Centered Therapy",
      "Session 5 with Sylvia - 1975",
      "Sylvia1: I start here",
      "S Commentary 1: [a note",
      "in brackets.]",
      "S1 (continued): and go on.",
      "C1: Mhm.",
      "END OF SESSION",
      "Carl Rogers’ Interview with Kathy -- 1977",
      "T: Hi.",
      "C1: Hello.",
      "END",
      "Carl Rogers' First Session with Dione (Code name)",
      "T 1: Welcome.",
      "C 1: Thanks.",
      "Throughout this interview the responses of the therapist (T) (Rogers), and the client",
      "Second Interview -- 1977",
      "T1: Where shall we start?",
      "C2: Anywhere.",
      "FINAL COMMENT BY ROGERS",
    ].join("\n");
    const sessions = rogersSessions(book);
    const show = (name: string) => sessions.find((session) => session.name === name)?.turns.map((turn) => `${turn.role}: ${turn.text}`);
    expect(sessions.map((session) => session.name)).toEqual(["gloria", "sylvia-4", "sylvia-5", "kathy", "dione-1", "dione-2"]);
    expect(show("gloria")).toEqual(["therapist: Good day.", "patient: I am a little nervous today.", "therapist: That is all right."]);
    expect(show("sylvia-4")).toEqual(["therapist: Hello.", "patient: Hi.", "therapist: Good to see you."]);
    expect(show("sylvia-5")).toEqual(["patient: I start here and go on.", "therapist: Mhm."]);
    expect(show("kathy")).toEqual(["therapist: Hi.", "patient: Hello."]);
    expect(show("dione-1")).toEqual(["therapist: Welcome.", "patient: Thanks."]);
    expect(show("dione-2")).toEqual(["therapist: Where shall we start?", "patient: Anywhere."]);
  });
  it("refuses a book without a session's heading", () => {
    expect(() => rogersSessions("nothing here")).toThrow(/no start heading for gloria/);
  });
});

describe("Reddit C-SSRS users", () => {
  it("reads each user's posts and label, and marks a truncated list", () => {
    const csv = `User,Post,Label\nuser-1,"['one post', 'two posts']",Ideation\nuser-2,"['cut sho",Supportive\n`;
    expect(redditUsers(csv)).toEqual([
      { id: "reddit:user-1", label: "Ideation", posts: ["one post", "two posts"], truncated: false },
      { id: "reddit:user-2", label: "Supportive", posts: ["cut sho"], truncated: true },
    ]);
  });
  it("refuses a label outside the five levels", () => {
    expect(() => redditUsers(`User,Post,Label\nuser-1,"['x']",Severe\n`)).toThrow(/unknown label/);
  });
});

describe("loadRealDialogue", () => {
  it("says the set is absent, in one line, when its folder is not there", () => {
    const path = join(mkdtempSync(join(tmpdir(), "real-dialogue-")), "missing");
    const result = loadRealDialogue(path);
    expect(result.status).toBe("absent");
    expect(result.status === "absent" && result.message).toMatch(/^real-dialogue set absent: .*missing does not exist/);
  });
  it("reads every source of a folder laid out like the shared one", () => {
    const root = mkdtempSync(join(tmpdir(), "real-dialogue-"));
    for (const folder of ["esconv", "counsel-chat", "carl-rogers-transcripts", "reddit-cssrs-500"]) mkdirSync(join(root, folder));
    const chat = JSON.stringify({ dialog: [{ speaker: "usr", text: "hi" }, { speaker: "sys", text: "hello" }] });
    for (const split of ["train", "valid", "test"]) writeFileSync(join(root, "esconv", `esconv_${split}.jsonl`), `${chat}\n`);
    writeFileSync(join(root, "esconv", "FailedESConv.json"), JSON.stringify([{ dialog: [{ speaker: "speaker", content: "hey\n" }] }]));
    writeFileSync(join(root, "counsel-chat", "20200325_counsel_chat.csv"), ",questionID,questionTitle,questionText,topic,answerText\n0,3,Title,Text,sleep,Answer\n");
    const book = ["THERAPIST: DR. CARL ROGERS", "T1 a", "END of FILM", "Carl Rogers 4th Interview with Sylvia", "Carl Rogers Demonstrates Client-Centered Therapy", "Session 5 with Sylvia", "END OF SESSION", "Carl Rogers’ Interview with Kathy", "END", "Carl Rogers' First Session with Dione", "Second Interview -- 1977", "FINAL COMMENT BY ROGERS"];
    writeFileSync(join(root, "carl-rogers-transcripts", "rogers_vol12_raw_transcripts.txt"), book.join("\n"));
    writeFileSync(join(root, "reddit-cssrs-500", "500_Reddit_users_posts_labels.csv"), `User,Post,Label\nuser-0,"['a']",Indicator\n`);
    const result = loadRealDialogue(root);
    if (result.status !== "present") throw new Error("expected the set to be present");
    expect(result.conversations.map((conversation) => conversation.id)).toEqual([
      "esconv:train:1",
      "esconv:valid:1",
      "esconv:test:1",
      "esconv-failed:0",
      "counsel-chat:3",
      "rogers:gloria",
      "rogers:sylvia-4",
      "rogers:sylvia-5",
      "rogers:kathy",
      "rogers:dione-1",
      "rogers:dione-2",
    ]);
    expect(result.reddit).toEqual([{ id: "reddit:user-0", label: "Indicator", posts: ["a"], truncated: false }]);
  });
});
