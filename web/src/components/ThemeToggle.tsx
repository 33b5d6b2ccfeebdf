import { useState } from 'react';
import { chooseTheme, storedTheme, THEMES, type Theme } from '../theme';

const LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light, dark, or the system's choice; kept in this browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <label className="theme-toggle check">
      <span className="theme-word">Theme</span>
      <select
        value={theme}
        onChange={(e) => {
          const next = e.currentTarget.value as Theme;
          chooseTheme(next);
          setTheme(next);
        }}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABEL[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
