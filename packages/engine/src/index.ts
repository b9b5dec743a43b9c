export * from './domain.ts';
export * from './schema/index.ts';
export * from './time/month.ts';
export * from './time/conversion.ts';
