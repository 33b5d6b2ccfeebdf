import { Type } from 'typebox';
import type { RuleCreate } from './rule-schemas.js';

export interface RulePreset {
  id: string;
  name: string;
  description: string;
  rule: Required<
    Pick<RuleCreate, 'name' | 'priority' | 'match' | 'reply' | 'cooldownMinutes' | 'welcome' | 'enabled'>
  >;
}

/** Ready-made rules; the dashboard offers `otp-only` right after a device is added. */
export const PRESETS: readonly RulePreset[] = [
  {
    id: 'otp-only',
    name: 'OTP-only line',
    description:
      'For a number that only sends verification codes: tells people who write to it that nobody reads replies. ' +
      'Answers each person at most once a day.',
    rule: {
      name: 'OTP-only line',
      priority: 1000,
      match: { type: 'any' },
      reply: 'This number only sends verification codes and cannot read replies.',
      cooldownMinutes: 24 * 60,
      welcome: false,
      enabled: true,
    },
  },
];

export const PRESET_IDS = PRESETS.map((p) => p.id);

export function findPreset(id: string): RulePreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export const PresetSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  rule: Type.Object({
    name: Type.String(),
    priority: Type.Integer(),
    match: Type.Object({ type: Type.String(), pattern: Type.Optional(Type.String()) }),
    reply: Type.String(),
    cooldownMinutes: Type.Integer(),
    welcome: Type.Boolean(),
    enabled: Type.Boolean(),
  }),
});
