/**
 * Launches Debian's Chromium through playwright-core (no browser download). The binary comes from
 * $CHROMIUM_PATH; otherwise Debian's headless shell (`chromium-headless-shell`, the same Blink and V8
 * without the browser's UI process work: about a third less CPU per page load, which is most of the
 * browser suite's time) when installed, else `/usr/bin/chromium`. The flags keep Chromium off the
 * network, which this machine does not have (see ../shared/toolchain.md).
 */
import {existsSync} from "node:fs";
import {chromium, type Browser} from "playwright-core";

export const HEADLESS_SHELL_PATH = "/usr/bin/chromium-headless-shell";
export const FULL_CHROMIUM_PATH = "/usr/bin/chromium";

/** The binary launchBrowser starts: $CHROMIUM_PATH, else the headless shell when installed, else Chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return exists(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : FULL_CHROMIUM_PATH;
}

export const CHROMIUM_PATH = chromiumPath();

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

/** True when the Chromium binary exists. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Launches headless Chromium; throws with the install command when it is missing. `full` starts the
 * full Chromium even when the headless shell is installed (the UI benchmarks, whose figures are
 * compared with earlier releases measured in it).
 */
export async function launchBrowser({full = false}: {full?: boolean} = {}): Promise<Browser> {
  const path = full && !process.env.CHROMIUM_PATH ? FULL_CHROMIUM_PATH : CHROMIUM_PATH;
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it with: sudo apt-get update && sudo apt-get install -y chromium chromium-headless-shell`);
  }
  return chromium.launch({executablePath: path, args: CHROMIUM_ARGS, headless: true});
}
