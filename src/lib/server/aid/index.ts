// Mutual aid (issue 3), so far its pure core: the taxonomy, explainable scoring and the weekly
// proposal. Tables, verbs, pages and API follow.
export { CATEGORIES, CATEGORY_CODES, isCategory, type Category } from './categories.ts';
export { rank, score, exclusion, distanceMetres, bestOverlap, POINTS } from './scoring.ts';
export type { NeedFacts, OfferFacts, Reason, Exclusion, Scored, Window, Point } from './scoring.ts';
export { weeklyProposal, greedyProposal, type Candidate, type Assignment } from './weekly.ts';
export {
	createNeedInput,
	createOfferInput,
	windowInput,
	windowsInput,
	pointInput,
	type CreateNeedInput,
	type CreateOfferInput
} from './validation.ts';
