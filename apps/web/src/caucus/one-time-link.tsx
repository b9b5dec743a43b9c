// One-time links (invitations, a drive's links): shown once, each with a button to copy it, and a
// button to copy a drive's links at once for a mail merge.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** A one-time link, shown once, with a button to copy it. */
export function OneTimeLink({ url, label }: { readonly url: string; readonly label: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="one-time-link">
      <label>
        <span className="visually-hidden">{label}</span>
        <input
          readOnly
          value={url}
          data-testid="one-time-link"
          onFocus={(e) => {
            e.target.select();
          }}
        />
      </label>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          void navigator.clipboard.writeText(url).then(() => {
            setCopied(true);
          });
        }}
      >
        {copied ? t('caucus.sec.copied') : t('caucus.sec.copy')}
      </button>
    </div>
  );
}

/** Copies every link of a drive at once (name, tab, link; one a line) for a mail merge. */
export function CopyAll({ text }: { readonly text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(() => {
          setCopied(true);
        });
      }}
    >
      {copied ? t('caucus.sec.copied') : t('caucus.sec.copyAll')}
    </button>
  );
}
