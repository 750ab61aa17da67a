/** Chromium's flags for every e2e test; lab specs add WebGPU or WebNN flags on top. */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Debian's Chromium, else CHROMIUM_PATH (checked by playwright.config.ts); undefined: Playwright's own. */
export const EXECUTABLE_PATH: string | undefined = process.env.ROOFLIGHT_CHROMIUM;

/** Launch options with extra flags (test.use({ launchOptions: withFlags(...) }) in a spec). */
export function withFlags(...extra: string[]) {
  return { ...(EXECUTABLE_PATH ? { executablePath: EXECUTABLE_PATH } : {}), args: [...BASE_ARGS, ...extra] };
}
