// The studio's figures in the user's locale (shares as percentages, whole numbers, months to one
// decimal) and its messages that set one figure in bold.
import type { ReactNode } from 'react';
import type { I18n, MessageKey, MessageValues } from '../i18n/i18n.tsx';
import enJson from '../i18n/messages/en.json';

const english: Readonly<Record<string, string>> = enJson.messages;

/** Whether a key built from a code (`branch.old_age`) is a message. */
export const isMessageKey = (key: string): key is MessageKey => key in english;

/** The message for a code under a prefix, or the code in words when there is none. */
export function codeName(i18n: I18n, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? i18n.t(key) : code.replaceAll('_', ' ');
}

export interface StudioFormats {
  /** A share (0–1) as a percentage with one decimal. */
  readonly pct: (share: number) => string;
  /** A change of shares (0–1) in percentage points, signed unless it is none, one decimal. */
  readonly points: (delta: number) => string;
  /** A whole number. */
  readonly whole: (n: number) => string;
  /** A number with one decimal. */
  readonly oneDecimal: (n: number) => string;
}

const cache = new Map<string, StudioFormats>();

export function studioFormats(tag: string): StudioFormats {
  const known = cache.get(tag);
  if (known) return known;
  const percent = new Intl.NumberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const signed = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const formats: StudioFormats = {
    pct: (share) => percent.format(share),
    points: (delta) => signed.format(delta * 100),
    whole: (n) => whole.format(n),
    oneDecimal: (n) => decimal.format(n),
  };
  cache.set(tag, formats);
  return formats;
}

// A private-use character cannot come from a translation or a figure, so it marks where the
// bold value goes in the formatted message.
const MARK = '\uE000';

/** The message with the value `name` in bold (as `strong`, with its test id when given). */
export function Emphasis({
  i18n,
  id,
  values,
  name,
  value,
  testId,
}: {
  readonly i18n: I18n;
  readonly id: MessageKey;
  readonly values?: MessageValues;
  readonly name: string;
  readonly value: string;
  readonly testId?: string;
}): ReactNode {
  const [before = '', after = ''] = i18n.t(id, { ...values, [name]: MARK }).split(MARK);
  return (
    <>
      {before}
      <strong data-testid={testId}>{value}</strong>
      {after}
    </>
  );
}
