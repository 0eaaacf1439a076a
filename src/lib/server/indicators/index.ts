// Indicators (issue 15): the module's door. Each part adds its exports in a block of its own.
export { indicatorsIndicator, indicatorsValue } from './schema.ts';

// Indicators (the indicators part): the registry, periods, verbs, words and files.
export { METRICS, metricOf } from './registry.ts';
export { TEMPLATES, templateOf, type Template } from './templates.ts';
export { periodsOf, periodStartOf, perWeekAverage, isWholePeriods, type Period } from './periods.ts';
export {
	defineIndicatorFields,
	defineIndicatorInput,
	indicatorValuesInput,
	recordValueInput,
	filtersInput,
	EARLIEST,
	MAX_YEARS
} from './validation.ts';
export { defineIndicator, listIndicators, getIndicatorValues, recordIndicatorValue, indicatorChoices, type IndicatorView } from './indicators.ts';
export { countsWords } from './describe.ts';
export { NEAR, statusOf, type PeriodValue, type Status } from './values.ts';
export { indicatorFormFields, indicatorFromForm } from './form.ts';
export { indicatorCsv, indicatorXlsx, type IndicatorSheetLabels } from './export.ts';
