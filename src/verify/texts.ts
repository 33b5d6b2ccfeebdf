import { assertPlaceholdersAreVariables, renderTemplate, templateVariables } from '../messages/templates.js';
import { validation } from '../lib/errors.js';

export const LOCALES = ['en', 'es', 'pt', 'fr', 'de', 'id', 'hi'] as const;
export type Locale = (typeof LOCALES)[number];

interface LocaleTexts {
  /** `{{code}}` and `{{minutes}}` are filled in; `{{unit}}` is the singular or plural of "minute". */
  body: string;
  minute: [one: string, other: string];
  subject: string;
}

// Short and plain on purpose: a code message is read at a glance, and links or long text look like phishing.
const TEXTS: Record<Locale, LocaleTexts> = {
  en: {
    body: '{{code}} is your verification code. It expires in {{minutes}} {{unit}}. Do not share it.',
    minute: ['minute', 'minutes'],
    subject: 'Your verification code',
  },
  es: {
    body: '{{code}} es tu código de verificación. Caduca en {{minutes}} {{unit}}. No lo compartas.',
    minute: ['minuto', 'minutos'],
    subject: 'Tu código de verificación',
  },
  pt: {
    body: '{{code}} é o seu código de verificação. Expira em {{minutes}} {{unit}}. Não o compartilhe.',
    minute: ['minuto', 'minutos'],
    subject: 'Seu código de verificação',
  },
  fr: {
    body: '{{code}} est votre code de vérification. Il expire dans {{minutes}} {{unit}}. Ne le partagez pas.',
    minute: ['minute', 'minutes'],
    subject: 'Votre code de vérification',
  },
  de: {
    body: '{{code}} ist dein Bestätigungscode. Er läuft in {{minutes}} {{unit}} ab. Teile ihn mit niemandem.',
    minute: ['Minute', 'Minuten'],
    subject: 'Dein Bestätigungscode',
  },
  id: {
    body: '{{code}} adalah kode verifikasi Anda. Kode berlaku {{minutes}} {{unit}}. Jangan bagikan kode ini.',
    minute: ['menit', 'menit'],
    subject: 'Kode verifikasi Anda',
  },
  hi: {
    body: '{{code}} आपका सत्यापन कोड है। यह {{minutes}} {{unit}} में समाप्त हो जाएगा। इसे किसी के साथ साझा न करें।',
    minute: ['मिनट', 'मिनट'],
    subject: 'आपका सत्यापन कोड',
  },
};

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

const textsOf = (locale: string): LocaleTexts => TEXTS[isLocale(locale) ? locale : 'en'];

export function emailSubject(locale: string): string {
  return textsOf(locale).subject;
}

/** The variables a code text may use; a template asking for anything else cannot be filled. */
export const CODE_VARIABLES = ['code', 'minutes'];

/** Refuses a template that cannot carry a code (400 at creation, not a failed send later). */
export function assertCodeTemplate(body: string, field: string): void {
  assertPlaceholdersAreVariables(body, field);
  const variables = templateVariables(body);
  if (!variables.includes('code')) {
    throw validation('The template must contain {{code}}', [
      { field, message: 'has no {{code}} placeholder' },
    ]);
  }
  const unknown = variables.filter((v) => !CODE_VARIABLES.includes(v));
  if (unknown.length > 0) {
    throw validation(
      `A verification template may only use {{code}} and {{minutes}}, not ${unknown.join(', ')}`,
      [{ field, message: 'uses variables a verification cannot fill' }],
    );
  }
}

/** The message for a code: the workspace's template when given, else the localized default. */
export function codeText(input: {
  code: string;
  minutes: number;
  locale: string;
  templateBody?: string;
}): string {
  if (input.templateBody !== undefined) {
    return renderTemplate(input.templateBody, { code: input.code, minutes: input.minutes });
  }
  const texts = textsOf(input.locale);
  const unit = input.minutes === 1 ? texts.minute[0] : texts.minute[1];
  return renderTemplate(texts.body, { code: input.code, minutes: input.minutes, unit });
}

/** Whole minutes left, rounded up: a fresh 10-minute code says 10, not 9. */
export function minutesLeft(expiresAt: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(expiresAt) - now.getTime()) / 60_000));
}
