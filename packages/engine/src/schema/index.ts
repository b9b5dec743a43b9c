export * from './common.ts';
export * from './profile.ts';
export * from './jurisdiction.ts';
export * from './agreement.ts';
export * from './reform.ts';
