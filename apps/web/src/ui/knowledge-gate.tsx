import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { useKnowledge } from '../knowledge/use-knowledge.ts';

/** Renders its children once the knowledge base is loaded; a status line until then. */
export function KnowledgeGate({
  children,
}: {
  readonly children: (knowledge: Knowledge) => ReactNode;
}) {
  const { t } = useI18n();
  const { state, retry } = useKnowledge();
  switch (state.status) {
    case 'loading':
      return (
        <p className="status" role="status">
          {t('loading')}
        </p>
      );
    case 'error':
      return (
        <div className="notice notice--error" role="alert">
          <p>{t('loadError')}</p>
          <p className="notice__detail" lang="en">
            {state.message}
          </p>
          <button type="button" className="button" onClick={retry}>
            {t('retry')}
          </button>
        </div>
      );
    case 'ready':
      return <>{children(state.knowledge)}</>;
  }
}
