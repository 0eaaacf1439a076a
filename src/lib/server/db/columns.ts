import { timestamp, uuid } from 'drizzle-orm/pg-core';

// Shared columns: UUID keys made by PostgreSQL, UTC timestamps.
export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
