// What the secretariat's screens of the caucus's activities share (meetings, collaborations,
// national caucuses): what the screen is for, the form of a new record, and the records, those
// kept to the caucus or the secretariat first, each as a card with its edit form under a
// disclosure and its publishing.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { CardList } from './activity-records.tsx';
import type { List } from './api.ts';
import { unpublishedFirst } from './record-body.ts';
import { PublishButton } from './record-form.tsx';
import type { Loaded } from './ui.tsx';
import { Loading } from './ui.tsx';

export function SecretariatRecords<
  N,
  R extends { readonly id: string; readonly visibility: string },
>({
  lead,
  needs,
  newHeading,
  existingHeading,
  records,
  testId,
  emptyText,
  create,
  card,
}: {
  readonly lead: string;
  /** What the forms choose from (organisations, areas), loaded before they show. */
  readonly needs: Loaded<N>;
  readonly newHeading: string;
  readonly existingHeading: string;
  readonly records: Loaded<List<R>>;
  /** The list's test id. */
  readonly testId: string;
  /** Said when there is no record yet; an empty list without it. */
  readonly emptyText?: string;
  readonly create: (needs: N) => ReactNode;
  /** A record's card: a RecordCard. */
  readonly card: (record: R, needs: N) => ReactNode;
}) {
  return (
    <>
      <p>{lead}</p>
      <Loading state={needs}>
        {(n) => (
          <>
            <h2>{newHeading}</h2>
            {create(n)}
            <h2>{existingHeading}</h2>
            <Loading state={records}>
              {(list) => (
                <CardList
                  records={unpublishedFirst(list.items)}
                  none={emptyText}
                  testId={testId}
                  isSingle
                  card={(r) => card(r, n)}
                />
              )}
            </Loading>
          </>
        )}
      </Loading>
    </>
  );
}

/**
 * A record on a secretariat screen: its heading, its edit form under "Edit …", what else it takes
 * (`children`), and its publishing while it is kept to the caucus or the secretariat.
 */
export function RecordCard({
  name,
  heading,
  edit,
  path,
  visibility,
  onChanged,
  children,
}: {
  /** What the record is called, in the disclosure's and the publish button's words. */
  readonly name: string;
  readonly heading: ReactNode;
  readonly edit: ReactNode;
  /** The record's address in the API, where publishing changes its visibility. */
  readonly path: string;
  readonly visibility: string;
  readonly onChanged: () => void;
  readonly children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <li className="card">
      {heading}
      <details>
        <summary>{t('caucus.activities.editItem', { title: name })}</summary>
        {edit}
      </details>
      {children}
      <PublishButton path={path} title={name} visibility={visibility} onDone={onChanged} />
    </li>
  );
}
