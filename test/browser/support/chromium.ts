/**
 * The system's Chromium (Debian `chromium`, installed by scripts/install-system-deps.sh) driven
 * by playwright-core: no browser download. Each launch has a fresh profile (Playwright makes a
 * temporary user data directory) and the flags that keep Chromium off the network it would
 * otherwise call home on (updates, sync, field trials).
 */
import { access, constants } from "node:fs/promises";
import { chromium, type Browser } from "playwright-core";

export const chromiumPath = process.env.CONFIDE_TEST_CHROMIUM ?? "/usr/bin/chromium";

const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Launches the system's Chromium; `extraArgs` add flags for one test (a fake microphone). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  try {
    await access(chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      `No Chromium at ${chromiumPath}: run \`bash scripts/install-system-deps.sh\` (Debian package chromium), or set CONFIDE_TEST_CHROMIUM to a Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumFlags, ...extraArgs], timeout: 60_000 });
}
