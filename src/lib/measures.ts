// What an indicator counts (issue 15), shared by the server, the tables and the pages (labels in
// messages/ as ind_measure_<code>, ind_period_<code>, ind_filter_<code>). No server code.

/** Events (contacts, sessions, links), distinct people, distinct households, hours (sum of durations). */
export const MEASURES = ['events', 'people', 'households', 'hours'] as const;
export type Measure = (typeof MEASURES)[number];

export const PERIOD_TYPES = ['week', 'month', 'quarter', 'year', 'programme_year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** The filters a metric may accept; each metric declares which of them it understands. */
export const FILTER_NAMES = ['contactTypes', 'themes', 'ageBand', 'activityKinds', 'activityIds', 'aidCategories'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export type MetricFilters = {
	contactTypes?: string[];
	themes?: string[];
	/** Ages (whole years) at the moment counted, both ends included: young people are 12–25. */
	ageBand?: { from: number; to: number };
	activityKinds?: string[];
	activityIds?: string[];
	aidCategories?: string[];
};
