import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { InvalidError } from './errors.ts';

// Every list pages the same way (docs/api.md): `limit` and an opaque `cursor` in, `items` and
// `nextCursor` out (null on the last page). The cursor holds the sort key of the last item given, so a
// page never repeats or skips a row when rows are added meanwhile (an offset would).

export const MAX_LIMIT = 200;

/** The paging fields of a list's input (forms and the API send strings, hence the coercion). */
export const pageFields = {
	limit: z.coerce.number().int('error_choice').min(1, 'error_choice').max(MAX_LIMIT, 'error_choice').default(50),
	cursor: z.string().max(500, 'error_cursor').optional()
};

export type Page<T> = { items: T[]; nextCursor: string | null };
type Key = string | number;

export const encodeCursor = (key: Key[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The sort key a cursor holds, checked against the list's key shape (a cursor of another list is refused). */
export function decodeCursor(cursor: string, shape: Array<'string' | 'number'>): Key[] {
	try {
		const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
		if (Array.isArray(key) && key.length === shape.length && key.every((k, i) => typeof k === shape[i])) return key as Key[];
	} catch {
		// a cursor that is not ours: refused below
	}
	throw new InvalidError({ cursor: 'error_cursor' });
}

/**
 * Rows after the cursor in the list's order: `(a, b) > (x, y)` for an ascending list, `<` for a
 * descending one. Timestamps travel in the cursor as ISO strings and are compared as timestamptz.
 */
export function after(columns: AnyPgColumn[], key: Key[], direction: 'asc' | 'desc'): SQL {
	const op = direction === 'asc' ? sql`>` : sql`<`;
	const values = key.map((k, i) => (columns[i]!.columnType === 'PgTimestamp' ? sql`${k}::timestamptz` : sql`${k}`));
	return sql`(${sql.join(columns, sql`, `)}) ${op} (${sql.join(values, sql`, `)})`;
}

/** A page from `limit + 1` rows read: the extra row only says that there is a next page. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Key[]): Page<T> {
	const items = rows.slice(0, limit);
	return { items, nextCursor: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1]!)) : null };
}
