import { useCallback, useEffect, useState } from 'react';
import type { Knowledge } from './knowledge.ts';
import { loadKnowledgeBase } from './knowledge.ts';

export type KnowledgeState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly knowledge: Knowledge }
  | { readonly status: 'error'; readonly message: string };

/** The knowledge base for a component: loading, ready, or failed (with a retry). */
export function useKnowledge(): { readonly state: KnowledgeState; readonly retry: () => void } {
  const [state, setState] = useState<KnowledgeState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    loadKnowledgeBase().then(
      (knowledge) => {
        if (isCurrent) setState({ status: 'ready', knowledge });
      },
      (e: unknown) => {
        if (isCurrent) setState({ status: 'error', message: (e as Error).message });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
