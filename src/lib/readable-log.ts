/**
 * Log lines for a person at a terminal: `12:00:01 INFO  message key=value`, instead of the JSON
 * lines a log collector wants (what WAPing writes when stdout is not a terminal).
 */
const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
// Fields every line has, or that say nothing to a person reading along.
const OMITTED = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

const valueText = (value: unknown): string => {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  if (value instanceof Object && 'message' in value && typeof value.message === 'string')
    return JSON.stringify(value.message);
  return JSON.stringify(value);
};

export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : '';
  const level = (LEVELS[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, value]) => `${key}=${valueText(value)}`);
  return `${[time, level, String(entry.msg ?? ''), ...fields].filter(Boolean).join(' ')}\n`;
}

/** A destination for pino that writes readable lines to `out` (a terminal). */
export function readableLogStream(out: { write(text: string): unknown }): { write(line: string): void } {
  return { write: (line) => void out.write(formatLogLine(line.trimEnd())) };
}
