// Indicators (issue 15): the module's door. Each part adds its exports in a block of its own.
export { indicatorsIndicator, indicatorsValue } from './schema.ts';
