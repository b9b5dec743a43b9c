export * from './population-columns.ts';
export * from './coverage-kernel.ts';
