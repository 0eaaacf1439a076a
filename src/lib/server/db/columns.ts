import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

// Shared columns: UUID keys made by PostgreSQL, UTC timestamps.
export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
// drizzle-orm has no bytea column of its own; pg hands bytea over as a Buffer both ways.
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
