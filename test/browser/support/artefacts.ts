/**
 * Screenshots and accessibility reports of the browser tests, under test-artifacts/browser/
 * (gitignored; CI can keep the folder). The folder is printed once per run.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import type { AccessibilityReport } from "./accessibility.ts";

export const artefactsDirectory = fileURLToPath(new URL("../../../test-artifacts/browser/", import.meta.url));

let announced = false;

async function ensureDirectory(): Promise<void> {
  await mkdir(artefactsDirectory, { recursive: true });
  if (!announced) {
    announced = true;
    process.stdout.write(`browser test artefacts (screenshots, axe reports): ${artefactsDirectory}\n`);
  }
}

/** Saves a full-page screenshot as `<name>.png`; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await ensureDirectory();
  const path = join(artefactsDirectory, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Saves an axe report as `<name>.axe.json`. */
export async function saveAccessibilityReport(name: string, report: AccessibilityReport): Promise<void> {
  await ensureDirectory();
  await writeFile(join(artefactsDirectory, `${name}.axe.json`), `${JSON.stringify(report, null, 2)}\n`);
}
