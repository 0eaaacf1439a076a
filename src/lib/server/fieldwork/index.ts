// The fieldwork module's only public door (issue 14). Each part adds its exports in one block.

// Figures (part E)
export {
	getFieldworkFigures,
	figuresAreaChoices,
	figuresInput,
	figuresQueryFields,
	figuresQuery,
	type FieldworkFigures,
	type FiguresInput
} from './figures.ts';
export { HOME_VISIT_TARGET } from './figures-shape.ts';
export { figuresCsv, figuresXlsx, figuresRows, type FiguresSheetLabels } from './figures-export.ts';

// For the seeds (part F): the demo seed writes a year of fieldwork straight into these tables.
export {
	fieldworkContact,
	fieldworkContactParty,
	fieldworkWorker,
	fieldworkQuestion,
	fieldworkQuestionEvent,
	fieldworkReferral,
	fieldworkReferralEvent,
	fieldworkSignal,
	fieldworkSignalEvidence,
	fieldworkSignalEvent
} from './schema.ts';
