import { sql, type SQL } from 'drizzle-orm';
import { startOfBelgianDay } from '../core/index.ts';
import type { MetricPeriod } from './metric.ts';

// What every metric's one statement starts from: its periods as a table (i, s, e) of instants, 00:00
// Brussels on each `from` and `to`, made by generate_series over the periods' index — so one SQL
// statement counts all the periods, and a week across a clock change is exactly its 167 or 169 hours.

/** A Postgres array literal of instants (ISO strings hold no comma or quote, so no escaping is needed). */
const instants = (days: readonly string[]) => `{${days.map((d) => startOfBelgianDay(d).toISOString()).join(',')}}`;

export type PeriodTable = {
	/** `(select i, s, e from generate_series …) as period_rows` (PostgreSQL 15 wants the alias): one row per period, i from 1 in the periods' order. */
	table: SQL;
	/** The first instant of the first period and the end of the last: the rows' index range. */
	from: SQL;
	to: SQL;
	count: number;
};

export function periodTable(periods: readonly MetricPeriod[]): PeriodTable {
	const starts = instants(periods.map((p) => p.from));
	const ends = instants(periods.map((p) => p.to));
	const first = periods.reduce((a, p) => (p.from < a ? p.from : a), periods[0]?.from ?? '2000-01-01');
	const last = periods.reduce((a, p) => (p.to > a ? p.to : a), periods[0]?.to ?? '2000-01-01');
	return {
		table: sql`(select i, (${starts}::timestamptz[])[i] as s, (${ends}::timestamptz[])[i] as e from generate_series(1, ${periods.length}::int) as i) as period_rows`,
		from: sql`${startOfBelgianDay(first).toISOString()}::timestamptz`,
		to: sql`${startOfBelgianDay(last).toISOString()}::timestamptz`,
		count: periods.length
	};
}

/** A text[] parameter from a list of codes or ids (validated by the caller against its lists). */
export function textArray(values: readonly string[]): SQL {
	return sql`${`{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`}::text[]`;
}

/** The values per period from rows (i, v), in the periods' order; a period without a row is 0. */
export function inOrder(count: number, rows: readonly { i: number | string; v: number | string | null }[]): number[] {
	const out = Array.from({ length: count }, () => 0);
	for (const r of rows) out[Number(r.i) - 1] = Number(r.v ?? 0);
	return out;
}
