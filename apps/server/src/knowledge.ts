// The knowledge base shipped with Tulay (law and agreements), loaded once per process: the corridor
// view and the simulations read the same one. Loading takes a second or more, so it happens on
// first use (main.ts asks for it before listening).
import type { KnowledgeBase } from '@tulay/engine';
import { loadKnowledge } from '@tulay/knowledge/node';

let shipped: KnowledgeBase | undefined;

export function shippedKnowledgeBase(): KnowledgeBase {
  shipped ??= loadKnowledge().kb;
  return shipped;
}
