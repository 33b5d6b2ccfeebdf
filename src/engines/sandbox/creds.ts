import type { EngineStateStore } from '../engine.js';

// Where a sandbox device remembers which phone linked it; the only state it has.
const CATEGORY = 'creds';
const ID = 'me';

export async function readLinkedPhone(state: EngineStateStore): Promise<string | undefined> {
  const raw = await state.read(CATEGORY, ID);
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'phone' in parsed &&
      typeof parsed.phone === 'string'
    ) {
      return parsed.phone;
    }
  } catch {
    // Unreadable creds are treated as none: the device simply asks to be linked again.
  }
  return undefined;
}

export async function writeLinkedPhone(state: EngineStateStore, phone: string): Promise<void> {
  await state.write([{ category: CATEGORY, id: ID, value: JSON.stringify({ phone }) }]);
}
