export * from './load-knowledge.ts';
