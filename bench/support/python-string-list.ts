/**
 * Reads a Python list of strings written as its literal (`['one', "it's two"]`), as the Reddit
 * C-SSRS set stores each user's posts. Single- and double-quoted items, with Python's escapes
 * (`\\`, `\'`, `\"`, `\n`, `\t`, `\r`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`; any other backslash is kept
 * as written, as Python keeps it). A literal cut short (the set has rows truncated at a
 * spreadsheet cell's limit) gives the items read so far, the cut item last, and `complete: false`.
 */
export interface PythonStringList {
  items: string[];
  complete: boolean;
}

const simpleEscapes: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", t: "\t", r: "\r", "\n": "" };

export function parsePythonStringList(text: string): PythonStringList {
  const items: string[] = [];
  let index = text.indexOf("[");
  if (index === -1) throw new Error("Python list: no opening bracket");
  index += 1;
  const skipSpace = () => {
    while (index < text.length && /\s/.test(text[index] as string)) index += 1;
  };
  for (;;) {
    skipSpace();
    if (index >= text.length) return { items, complete: false };
    const char = text[index] as string;
    if (char === "]") return { items, complete: true };
    if (char === ",") {
      index += 1;
      continue;
    }
    if (char !== "'" && char !== '"') throw new Error(`Python list: expected a string at character ${index}`);
    const quote = char;
    index += 1;
    let item = "";
    let closed = false;
    while (index < text.length) {
      const current = text[index] as string;
      if (current === quote) {
        closed = true;
        index += 1;
        break;
      }
      if (current === "\\" && index + 1 < text.length) {
        const next = text[index + 1] as string;
        const hexLength = next === "x" ? 2 : next === "u" ? 4 : next === "U" ? 8 : 0;
        if (hexLength > 0) {
          const hex = text.slice(index + 2, index + 2 + hexLength);
          if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLength) {
            item += String.fromCodePoint(Number.parseInt(hex, 16));
            index += 2 + hexLength;
            continue;
          }
        }
        const simple = simpleEscapes[next];
        item += simple ?? `\\${next}`;
        index += 2;
        continue;
      }
      item += current;
      index += 1;
    }
    items.push(item);
    if (!closed) return { items, complete: false };
  }
}
