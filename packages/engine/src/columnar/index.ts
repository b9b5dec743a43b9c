export * from './population-columns.ts';
