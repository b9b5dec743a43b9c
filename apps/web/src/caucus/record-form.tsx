// What the screens of the caucus's records share besides their forms (record-editor.tsx): a
// record's publishing, and a disclosure that fetches what it shows only once opened.
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { api } from './api.ts';
import { ErrorNotice, useAction } from './ui.tsx';

/**
 * Publishing a record the secretariat keeps to the caucus or to itself: a change of its
 * visibility to `public`, as the secretariat's other screens publish.
 */
export function PublishButton({
  path,
  title,
  visibility,
  onDone,
}: {
  readonly path: string;
  readonly title: string;
  readonly visibility: string;
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  if (visibility === 'public')
    return <p className="muted">{t('caucus.sec.activities.published')}</p>;
  return (
    <>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <button
        type="button"
        className="button button--primary"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            await api('PATCH', path, { visibility: 'public' });
            onDone();
          })
        }
      >
        {t('caucus.sec.activities.publish', { title })}
      </button>
    </>
  );
}

/** A disclosure whose content is made (and fetches what it needs) only once it is opened. */
export function LazyDetails({
  summary,
  children,
}: {
  readonly summary: string;
  readonly children: () => ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <details
      onToggle={(e) => {
        setIsOpen(e.currentTarget.open);
      }}
    >
      <summary>{summary}</summary>
      {isOpen ? children() : null}
    </details>
  );
}
