// The schema barrel: drizzle-kit and the client read every module's tables from here.
export * from '../auth/schema.ts';
export * from '../people/schema.ts';
export * from '../network/schema.ts';
export * from '../areas/schema.ts';
export * from '../access/schema.ts';
export * from '../core/schema.ts';
export * from '../mail/schema.ts';
export * from '../aid/schema.ts';
export * from '../api/schema.ts';
export * from '../rights/schema.ts';
export * from '../fieldwork/schema.ts';
export * from '../activities/schema.ts';
export * from '../indicators/schema.ts';
export * from '../funding/schema.ts';
