/**
 * What every browser test of the console needs: a real `confide serve` (embedded profile,
 * seeded admin, therapist and patient), the system's Chromium, and a check per screen that runs
 * axe-core and saves a screenshot. Pages fail their test on a script error or a
 * Content-Security-Policy violation.
 */
import { access, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import type { SeededAccount } from "../../support/confide-api-client.ts";
import { startEmbeddedServer, type EmbeddedServer } from "../../support/embedded-server.ts";
import { checkAccessibility, describeViolations, type AccessibilityReport } from "./accessibility.ts";
import { saveAccessibilityReport, saveScreenshot } from "./artefacts.ts";
import { launchChromium } from "./chromium.ts";

const builtConsole = fileURLToPath(new URL("../../../packages/http/console-assets/index.html", import.meta.url));

/** How long a test waits for something a person would see (a screen, a message) before failing. */
export const screenTimeoutMs = 15_000;

export interface ConsolePage {
  page: Page;
  context: BrowserContext;
  /** Script errors and CSP violations seen so far; a test expects none. */
  problems: string[];
}

export interface ConsoleHarness {
  server: EmbeddedServer;
  browser: Browser;
  baseUrl: string;
  /** A new browser context (its own cookies and storage) with one page. */
  newPage(): Promise<ConsolePage>;
  /** Runs axe-core on the page and saves a screenshot and the report as `<name>`. */
  checkScreen(page: Page, name: string): Promise<AccessibilityReport>;
  /** Every screen checked so far, in order. */
  reports: AccessibilityReport[];
  stop(): Promise<void>;
}

export interface ConsoleHarnessOptions {
  /** `false` leaves the seeded patient without consent, as `quickstart.sh` does. */
  consent?: boolean;
  /** Extra Chromium flags for this test's browser (e.g. a fake microphone playing a file). */
  chromiumArgs?: readonly string[];
}

export async function startConsoleHarness(env: Record<string, string> = {}, options: ConsoleHarnessOptions = {}): Promise<ConsoleHarness> {
  try {
    await access(builtConsole);
  } catch {
    throw new Error(`The console is not built (${builtConsole} is missing): run \`npm run build:console\` (npm ci builds it).`);
  }
  const server = await startEmbeddedServer(env, options);
  let browser: Browser;
  try {
    browser = await launchChromium(options.chromiumArgs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const reports: AccessibilityReport[] = [];
  return {
    server,
    browser,
    baseUrl: server.baseUrl,
    reports,
    async newPage() {
      const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(screenTimeoutMs);
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
          problems.push(`CSP: ${message.text()}`);
        }
      });
      return { page, context, problems };
    },
    async checkScreen(page, name) {
      const report = await checkAccessibility(page, name);
      reports.push(report);
      await saveAccessibilityReport(name, report);
      await saveScreenshot(page, name);
      process.stdout.write(`${describeViolations(report)}\n`);
      return report;
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

/** Signs in through the sign-in form and waits for the role's first screen. */
export async function signIn(page: Page, account: SeededAccount, landingHeading: RegExp | string): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Email").fill(account.user.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: landingHeading }).waitFor();
}

/**
 * Slows the page's uploads to `bytesPerSecond` (DevTools network emulation), so a test can watch
 * a progress bar move as bytes leave the browser.
 */
export async function throttleUploads(consolePage: ConsolePage, bytesPerSecond: number): Promise<() => Promise<void>> {
  const session = await consolePage.context.newCDPSession(consolePage.page);
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return async () => {
    await session.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await session.detach();
  };
}

/** The widths every console screen is checked at: a desktop, a phone, a small phone. */
export const checkedWidths = [1280, 390, 360] as const;

/**
 * Runs axe-core on the page at each of `checkedWidths` (saving `<name>-<width>`), back at 1280 px
 * after; fails on any serious or critical violation.
 */
export async function checkAtWidths(harness: ConsoleHarness, page: Page, name: string): Promise<void> {
  for (const width of checkedWidths) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 800 });
    const report = await harness.checkScreen(page, `${name}-${width}`);
    if (report.blocking.length > 0) throw new Error(`${name} at ${width} px: ${describeViolations(report)}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * A screenshot of `subject` at a phone's 390 px into `CONFIDE_SHOTS_DIR` (when set), back at
 * 1280 px after: what a closing note shows was looked at.
 */
export async function shoot(page: Page, name: string, subject: Locator): Promise<void> {
  const directory = process.env.CONFIDE_SHOTS_DIR;
  if (!directory) return;
  await mkdir(directory, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await subject.scrollIntoViewIfNeeded();
  await subject.screenshot({ path: join(directory, `${name}-390.png`) });
  await page.setViewportSize({ width: 1280, height: 900 });
}
