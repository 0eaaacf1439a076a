import { ACTIVITY_METRICS } from '../activities/index.ts';
import { AID_METRICS } from '../aid/index.ts';
import { FIELDWORK_METRICS } from '../fieldwork/index.ts';
import type { Metric } from '../stats/index.ts';

// THE registry of metrics (issue 15): each data module declares its own in its metrics.ts and exports
// them from its index.ts; indicators gathers them here (it asks the modules, they never ask it), so the
// funding issue's progress reports can list and compute any of them through this module's door.

export const METRICS: readonly Metric[] = [...FIELDWORK_METRICS, ...ACTIVITY_METRICS, ...AID_METRICS];

export function metricOf(code: string | null | undefined): Metric | undefined {
	return METRICS.find((m) => m.code === code);
}
