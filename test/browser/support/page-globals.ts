/**
 * The browser globals that the tests' page functions (run inside Chromium by `page.evaluate`)
 * touch, typed here because the tests are type-checked without the DOM library. Use as
 * `globalThis as unknown as PageGlobals` inside a page function (imports do not reach the page).
 */
export interface PageGlobals {
  document: {
    querySelector(selector: string): PageProgressBar | null;
    activeElement: { tagName: string; textContent: string | null; getAttribute(name: string): string | null } | null;
    createElement(tag: "script"): { textContent: string | null };
    body: { append(node: unknown): void };
    readyState: string;
  };
  DataTransfer: new () => PageDataTransfer;
  axe?: { run(context: unknown, options: unknown): Promise<unknown> };
  /** Set by a test on a document, to tell later that no reload replaced it. */
  sameDocument?: boolean;
}

export interface PageDataTransfer {
  items: { add(file: File): void };
}

export interface PageProgressBar {
  value: number;
  max: number;
}
