// Debian's headless Chromium for the end-to-end tests (playwright-core drives it; nothing is downloaded).
import { chromium } from 'playwright-core';

/** Flags that keep Chromium quiet and offline on these machines (see ../shared/docs/toolchain.md). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
