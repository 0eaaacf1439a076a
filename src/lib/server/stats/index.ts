// The statistics rules of every module's figures (issue 14 moved them here from aid/reach-rules.ts so
// that fieldwork and activities suppress small groups exactly as mutual aid does).
export { cell, suppressTable, suppressNested, lastTwelveMonths, monthsOf, type Cell } from './rules.ts';
// The metric contract between the data modules and indicators/ (issue 15).
export type { Metric, MetricScope, MetricPeriod } from './metric.ts';
// Published figures (part public of issue 15): totals both ways, rounding for external audiences.
export { audienceOf, type FigureOptions } from './rules.ts';
// Indicators (issue 15, the indicators part): the periods table every metric's one statement starts from.
export { periodTable, textArray, inOrder } from './metric-periods.ts';
