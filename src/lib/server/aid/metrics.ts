import { sql, type SQL } from 'drizzle-orm';
import { inOrder, periodTable, textArray, type Metric, type MetricScope } from '../stats/index.ts';
import type { MetricFilters } from '../../measures.ts';
import { aidLink, aidNeed } from './schema.ts';

// Mutual aid's contribution to the indicators registry (issue 15), with the rules of its reach page
// (reach.ts): a link is MADE when both sides said yes, at the later of the two yeses (a later
// cancellation does not unmake it); it is COMPLETED when it took place, on that day. The category is
// the need's. Links are events, not people: the privacy rule on 1–4 people does not apply to them.

const l = aidLink;

function where(scope: MetricScope, f: MetricFilters): SQL {
	const parts: SQL[] = [sql`${l.organisationId} = ${scope.organisationId}`];
	if (scope.areaId) parts.push(sql`${l.areaId} = ${scope.areaId}`);
	if (f.aidCategories?.length) parts.push(sql`${aidNeed.category} = any(${textArray(f.aidCategories)})`);
	return sql.join(parts, sql` and `);
}

function linkMetric(code: string, at: SQL): Metric {
	const name = code.replace('.', '_');
	return {
		code,
		label: `ind_metric_${name}`,
		explains: `ind_metric_${name}_explains`,
		measures: ['events'],
		filters: ['aidCategories'],
		async compute(db, scope, periods, _measure, filters) {
			if (!periods.length) return [];
			const p = periodTable(periods);
			const result = await db.execute<{ i: number; v: number }>(sql`
				with p as (select * from ${p.table}),
				x as materialized (
					select ${at} as at from ${l} join ${aidNeed} on ${aidNeed.id} = ${l.needId}
					where ${where(scope, filters)} and ${at} >= ${p.from} and ${at} < ${p.to}
				)
				select p.i, count(x.at)::int as v from p left join x on x.at >= p.s and x.at < p.e group by p.i`);
			return inOrder(p.count, result.rows);
		}
	};
}

export const AID_METRICS: readonly Metric[] = [
	linkMetric(
		'aid.links_made',
		sql`(case when ${l.needAcceptedAt} is not null and ${l.offerAcceptedAt} is not null then greatest(${l.needAcceptedAt}, ${l.offerAcceptedAt}) end)`
	),
	linkMetric('aid.links_completed', sql`${l.tookPlaceAt}`)
];
