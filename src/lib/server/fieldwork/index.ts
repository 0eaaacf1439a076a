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
