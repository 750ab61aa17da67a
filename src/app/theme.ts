/**
 * The colour theme: 'system' follows `prefers-color-scheme`, 'light' and 'dark' override it. The choice is
 * kept in localStorage and written to `<html data-theme>`; styles.css maps it to `color-scheme`, which every
 * `light-dark()` colour follows. main.tsx imports this module first, so the attribute is set before React
 * renders (and 'system' needs no script at all: the CSS default follows the media query).
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'rooflight-theme';

const isChoice = (v: unknown): v is ThemeChoice => THEME_CHOICES.includes(v as ThemeChoice);

/** The stored choice; 'system' when none is stored, it is not a choice, or storage is unavailable. */
export function storedTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(THEME_STORAGE_KEY);
    return isChoice(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

let current: ThemeChoice = storedTheme();
const listeners = new Set<() => void>();

function apply(choice: ThemeChoice): void {
  current = choice;
  document.documentElement.dataset.theme = choice;
  for (const l of listeners) l();
}

/** Set, store and apply a choice ('system' removes the stored one). */
export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage blocked: the choice still holds for this page.
  }
  apply(choice);
}

export const getTheme = (): ThemeChoice => current;

/** For `useSyncExternalStore`: called on every change, here or in another tab. */
export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

apply(current);
window.addEventListener('storage', (e) => {
  if (e.key === THEME_STORAGE_KEY || e.key === null) apply(storedTheme());
});
