/**
 * A CSV reader for RFC 4180 text: comma-separated fields, a field in double quotes may hold
 * commas, line breaks and doubled quotes (`""` is one quote). Lines end in LF or CRLF; a final
 * line break is optional. Returns every record as its list of fields, the header included.
 * Throws on a quote left open at the end of the text or a quote inside an unquoted field — the
 * signs of a file that is not what its reader expects.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let index = 0;
  const endField = () => {
    record.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        const next = text[index];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") throw new Error(`CSV: text after a closing quote at character ${index}`);
        continue;
      }
      field += char;
      index += 1;
      continue;
    }
    if (char === '"') {
      if (fieldStarted) throw new Error(`CSV: a quote inside an unquoted field at character ${index}`);
      quoted = true;
      fieldStarted = true;
      index += 1;
      continue;
    }
    if (char === ",") {
      endField();
      index += 1;
      continue;
    }
    if (char === "\r" && text[index + 1] === "\n") index += 1;
    if (text[index] === "\n") {
      endRecord();
      index += 1;
      continue;
    }
    field += char;
    fieldStarted = true;
    index += 1;
  }
  if (quoted) throw new Error("CSV: a quoted field is not closed at the end of the text");
  if (fieldStarted || field !== "" || record.length > 0) endRecord();
  return records;
}

/** The records after the header as objects keyed by the header's names; a record of another width is an error. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  return rows.map((row, index) => {
    if (row.length !== header.length) throw new Error(`CSV: record ${index + 2} has ${row.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((name, column) => [name, row[column] as string]));
  });
}
