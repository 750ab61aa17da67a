import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import { BASE_ARGS } from './e2e/launch.ts';

/** Debian's chromium, else an env-provided one, else Playwright's own; never silently skip. */
function chromiumPath(): string | undefined {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const fromEnv = process.env.CHROMIUM_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(
        `Chromium not found at ${fromEnv} (from CHROMIUM_PATH/PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH)`,
      );
    return fromEnv;
  }
  const own = chromium.executablePath();
  if (own && existsSync(own)) return undefined;
  throw new Error(
    'No Chromium for the e2e tests: install Debian chromium (/usr/bin/chromium), set CHROMIUM_PATH, ' +
      'or run `npx playwright install chromium`.',
  );
}

const executablePath = chromiumPath();
// The lab specs relaunch with extra flags (e2e/launch.ts) and need the same browser.
if (executablePath) process.env.ROOFLIGHT_CHROMIUM = executablePath;
const BASE_URL = 'http://127.0.0.1:4173';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: BASE_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'npm run build && npm run preview',
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
