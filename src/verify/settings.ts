import { Type, type Static } from 'typebox';
import { validation } from '../lib/errors.js';
import { literalUnion, Nullable } from '../lib/schema.js';
import { templateVariables } from '../messages/templates.js';
import { parseSettings, type StoredVerificationSettings } from '../workspaces/settings.js';
import type { WorkspaceRow } from '../workspaces/tables.js';
import { CHANNELS, type Channel } from './tables.js';
import { assertCodeTemplate } from './texts.js';

/** The built-in defaults, used where neither the request nor the workspace says otherwise. */
export const DEFAULT_CODE_LENGTH = 6;
export const DEFAULT_TTL_SECONDS = 600;
export const DEFAULT_CHANNELS: Channel[] = ['whatsapp'];

const CodeLength = Type.Integer({ minimum: 4, maximum: 10 });
const TtlSeconds = Type.Integer({ minimum: 60, maximum: 900 });
const ChannelOrder = Type.Array(literalUnion(CHANNELS), {
  minItems: 1,
  maxItems: CHANNELS.length,
  uniqueItems: true,
  description: 'Tried in this order when a request names no channels',
});
const MessageText = Type.String({
  minLength: 1,
  maxLength: 1000,
  description: 'Must contain {{code}}; may contain {{minutes}}',
});

/** `verification` in the workspace view: every field resolved, `messageText` null for the localized default. */
export const VerificationSettingsSchema = Type.Object({
  codeLength: CodeLength,
  ttlSeconds: TtlSeconds,
  messageText: Nullable(MessageText),
  channels: Type.Array(literalUnion(CHANNELS)),
});
export type VerificationSettingsView = Static<typeof VerificationSettingsSchema>;

/** `verification` in PATCH /v1/workspace: only the fields sent change; `messageText: null` restores the default text. */
export const VerificationSettingsPatch = Type.Object(
  {
    codeLength: Type.Optional(CodeLength),
    ttlSeconds: Type.Optional(TtlSeconds),
    messageText: Type.Optional(Nullable(MessageText)),
    channels: Type.Optional(ChannelOrder),
  },
  { additionalProperties: false },
);
export type VerificationSettingsPatchInput = Static<typeof VerificationSettingsPatch>;

export function toVerificationSettingsView(
  stored: StoredVerificationSettings = {},
): VerificationSettingsView {
  return {
    codeLength: stored.codeLength ?? DEFAULT_CODE_LENGTH,
    ttlSeconds: stored.ttlSeconds ?? DEFAULT_TTL_SECONDS,
    messageText: stored.messageText ?? null,
    channels: stored.channels ?? DEFAULT_CHANNELS,
  };
}

/** The stored settings after a patch; a text without {{code}} is refused here, not at the first send. */
export function patchVerificationSettings(
  current: StoredVerificationSettings = {},
  patch: VerificationSettingsPatchInput,
): StoredVerificationSettings {
  const next: StoredVerificationSettings = { ...current };
  if (patch.codeLength !== undefined) next.codeLength = patch.codeLength;
  if (patch.ttlSeconds !== undefined) next.ttlSeconds = patch.ttlSeconds;
  if (patch.channels !== undefined) next.channels = patch.channels;
  if (patch.messageText === null) delete next.messageText;
  else if (patch.messageText !== undefined) {
    if (!patch.messageText.trim()) {
      throw validation('The message text must not be blank', [
        { field: 'body.verification.messageText', message: 'is blank' },
      ]);
    }
    if (!templateVariables(patch.messageText).includes('code')) {
      throw validation('The message text must contain {{code}}, where the code goes', [
        { field: 'body.verification.messageText', message: 'has no {{code}} placeholder' },
      ]);
    }
    assertCodeTemplate(patch.messageText, 'body.verification.messageText');
    next.messageText = patch.messageText;
  }
  return next;
}

/** The workspace's code settings as stored (empty when the workspace is gone or never chose). */
export function storedVerificationSettings(
  workspace: Pick<WorkspaceRow, 'settings'> | undefined,
): StoredVerificationSettings {
  return workspace ? (parseSettings(workspace.settings).verification ?? {}) : {};
}
