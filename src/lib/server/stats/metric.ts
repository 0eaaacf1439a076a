import type { Db } from '../db/index.ts';
import type { Measure, FilterName, MetricFilters } from '../../measures.ts';

// The contract between the modules that hold data (aid, fieldwork, activities) and indicators/:
// each module declares its metrics in its own metrics.ts and exports them from its index.ts; the
// indicators registry gathers them (it asks the modules, the modules never ask it). Kept here, in the
// statistics kernel, so neither side imports the other for the type.

/** Where a figure is counted: one organisation, one neighbourhood of it or (null) all of it. */
export type MetricScope = { organisationId: string; areaId: string | null };

/** A period as dates in Belgian time, `from` included, `to` excluded ('YYYY-MM-DD'). */
export type MetricPeriod = { from: string; to: string };

export type Metric = {
	/** Stable, dotted: `module.what` ('fieldwork.contacts', 'activities.attendance', 'aid.links'). */
	code: string;
	/** Message key of its name, and of one sentence saying what one unit of it is. */
	label: string;
	explains: string;
	measures: readonly Measure[];
	filters: readonly FilterName[];
	/**
	 * One value per period, in the periods' order, computed from live data (one statement for all the
	 * periods, not one per period). Hours are hours, not minutes. Counts are exact: suppression and
	 * rounding are applied where figures are shown (stats/rules.ts).
	 */
	compute(db: Db, scope: MetricScope, periods: readonly MetricPeriod[], measure: Measure, filters: MetricFilters): Promise<number[]>;
};
