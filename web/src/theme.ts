export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'waping-theme';

/** The member's choice in this browser; 'system' follows prefers-color-scheme. */
export function storedTheme(): Theme {
  try {
    const value = window.localStorage.getItem(KEY);
    return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
  } catch {
    // Storage can be off (private modes, policies): the system theme still applies.
    return 'system';
  }
}

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function applyStoredTheme(): void {
  apply(storedTheme());
}

export function chooseTheme(theme: Theme): void {
  try {
    if (theme === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, theme);
  } catch {
    // Not kept, but still applied to this page.
  }
  apply(theme);
}
