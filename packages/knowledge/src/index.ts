export * from './source-document.ts';
export * from './schema/instruments.ts';
export * from './instruments-at.ts';
