export * from './population-columns.ts';
export * from './coverage-kernel.ts';
export * from './outcome-columns.ts';
export * from './indicator-kernel.ts';
