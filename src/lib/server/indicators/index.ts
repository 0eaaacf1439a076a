// Indicators (issue 15): the module's door. Each part adds its exports in a block of its own.

// Indicators (the indicators part): the registry, periods, verbs, words and files.
export { TEMPLATES, templateOf } from './templates.ts';
export { periodStartOf } from './periods.ts';
export { defineIndicatorFields, recordValueInput, filtersInput } from './validation.ts';
export { defineIndicator, listIndicators, getIndicatorValues, recordIndicatorValue, indicatorChoices } from './indicators.ts';
export { indicatorFormFields, indicatorFromForm } from './form.ts';
export { indicatorCsv, indicatorXlsx } from './export.ts';
