// Mutual aid: needs and offers, explainable matching, brokered links, the weekly proposal, office
// hours and the reach they create. Routes and the API use only what is exported here.
export { CATEGORY_CODES } from './categories.ts';
export { weekdayOf } from './scoring.ts';
export type { Window, DateItem, Reason } from './scoring.ts';
export { weeklyProposal, greedyProposal, type Candidate } from './weekly.ts';
export {
	createNeedInput,
	createOfferInput,
	pointInput,
	linkIdInput,
	proposeLinkInput,
	respondInput,
	endLinkInput,
	feedbackInput,
	certificateBody,
	needQueryInput
} from './validation.ts';
export { NEED_STATUSES, OFFER_STATUSES, LINK_STATUSES, FREQUENCIES } from './schema.ts';
export { createNeed, createOffer, listNeeds, getNeed, getOffer, ownNeed, ownOffer, personAid, ownNeedsAndOffers } from './needs.ts';
export { ownAreaChoices } from './own-choices.ts';
export { updateNeed, withdrawNeed, updateOffer } from './own.ts';
export { joinChoices, joinNeighbourhood, confirmNeed, confirmOffer, offersToReview, closeNeedAsDuplicate } from './review.ts';
export { needChangeInput, offerChangeInput, withdrawNeedInput, duplicateNeedInput, needIdInput, joinInput } from './own-validation.ts';
export { suggestMatches, weeklyProposalFor, SUGGESTION_LIMIT, type Suggestion } from './matching.ts';
export { proposeLink, sendProposals, respondToLink, completeLink, endLink, giveFeedback } from './links.ts';
export { listLinks, countStalledLinks, getLink, type LinkListItem } from './link-lists.ts';
export { ownLinks, ownLink, ownAid } from './party.ts';
export { nudgeLink, waitingSides } from './nudge.ts';

export { fromForm, hhmm, MAP_CONTROLS, mapIntent, pointFromClick, pointInArea } from './form.ts';
export { recordCertificate, latestCertificate, certificateHistory, getCertificate } from './certificates.ts';
export { certificateStatus, CERTIFICATE_USUAL_YEARS } from './certificate-dates.ts';
export {
	officeHourChoices,
	createOfficeHour,
	listOfficeHours,
	getOfficeHour,
	deleteOfficeHour,
	officeHoursOnDuty,
	publicOfficeHours,
	type OfficeHour
} from './office-hours.ts';
export { countVisit, getVisit, visitsToday, walkIn } from './office-visits.ts';
export { officeHourInput, officeHourIdInput, countVisitInput, walkInInput } from './office-hours-validation.ts';
export { DuplicatePersonError } from './office-hours-duplicates.ts';
export { weeklyCalendar, weeklyEvent } from './ical.ts';
export { reachInput, getMutualAidReach, reachAreaChoices, REACH_FIGURES, type Reach, type ReachFigure } from './reach.ts';
export { lastTwelveMonths } from '../stats/index.ts';
export { reachCsv, reachXlsx, type ReachSheetLabels } from './reach-export.ts';
export { publicBoard, boardChoices, setAidBoard, boardSwitchInput, BOARD_LIMIT } from './board.ts';
export { reachQueryFields } from './reach.ts';
// Tables other modules JOIN on (one SQL statement instead of a round trip per row) or the demo seed
// writes; part of this module's public API, so a change to them is a change to its door.
export { aidCertificate, aidLink, aidNeed, aidOffer, aidOfficeHour } from './schema.ts';
export { readDraft, saveDraftStep, sendDraft, discardDraft } from './drafts.ts';
export { STEPS, type Step } from './steps.ts';
export { whatNext } from './next-steps.ts';
// Indicators (issue 15, the indicators part): mutual aid's metrics for the indicators registry.
export { AID_METRICS } from './metrics.ts';
