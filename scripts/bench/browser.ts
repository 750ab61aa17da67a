import { chromium, type Browser, type LaunchOptions } from '@playwright/test';
import playwrightConfig from '../../playwright.config.ts';

/** Headless Chromium with the e2e suite's launch options (Debian's chromium and its flags). */
export async function launchChromium(): Promise<Browser> {
  const launch: LaunchOptions = playwrightConfig.use?.launchOptions ?? {};
  try {
    return await chromium.launch({ ...launch, headless: true });
  } catch (e) {
    throw new Error(`Chromium failed to launch: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
