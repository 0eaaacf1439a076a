// Mutual aid: needs and offers, explainable matching, brokered links, the weekly proposal, office
// hours and the reach they create. Routes and the API use only what is exported here.
export { CATEGORIES, CATEGORY_CODES, isCategory, type Category } from './categories.ts';
export { rank, score, exclusion, distanceMetres, bestOverlap, bestDate, weekdayOf, POINTS } from './scoring.ts';
export type { NeedFacts, OfferFacts, Reason, Exclusion, Scored, Window, Point, DateItem } from './scoring.ts';
export { weeklyProposal, greedyProposal, type Candidate, type Assignment } from './weekly.ts';
export {
	createNeedInput,
	createOfferInput,
	windowInput,
	windowsInput,
	dateInput,
	datesInput,
	MAX_DATES,
	pointInput,
	linkIdInput,
	proposeLinkInput,
	respondInput,
	endLinkInput,
	feedbackInput,
	certificateInput,
	certificateBody,
	type CertificateInput,
	needQueryInput,
	type CreateNeedInput,
	type CreateOfferInput
} from './validation.ts';
export { NEED_STATUSES, OFFER_STATUSES, LINK_STATUSES, FREQUENCIES, type LinkStatus } from './schema.ts';
export { createNeed, createOffer, listNeeds, getNeed, getOffer, personAid, ownNeedsAndOffers } from './needs.ts';
export { updateNeed, withdrawNeed, updateOffer } from './own.ts';
export {
	joinChoices,
	joinNeighbourhood,
	confirmNeed,
	confirmOffer,
	offersToReview,
	closeNeedAsDuplicate,
	heldForReview,
	type JoinChoice
} from './review.ts';
export {
	needChangeInput,
	offerChangeInput,
	withdrawNeedInput,
	duplicateNeedInput,
	needIdInput,
	joinInput,
	type NeedChange,
	type OfferChange
} from './own-validation.ts';
export { suggestMatches, weeklyProposalFor, type Suggestion } from './matching.ts';
export { proposeLink, sendProposals, respondToLink, completeLink, endLink, giveFeedback } from './links.ts';
export { listLinks, countStalledLinks, getLink, type LinkListItem } from './link-lists.ts';
export { ownLinks, ownAid, partyView } from './party.ts';
export { nudgeLink, waitingSides, type Nudge, type NudgedSide } from './nudge.ts';
export { canMove, sideOf, type Side } from './lifecycle.ts';
export { fromForm, minutes, hhmm, WINDOW_ROWS, DATE_ROWS, MAP_CONTROLS, mapIntent, pointFromClick, pointInArea, type MapClick } from './form.ts';
export { recordCertificate, latestCertificate, certificateHistory, getCertificate } from './certificates.ts';
export {
	certificateStatus,
	belgianDay,
	addYears,
	CERTIFICATE_MAX_YEARS,
	CERTIFICATE_USUAL_YEARS,
	EXPIRY_WARNING_DAYS,
	type CertificateStatus
} from './certificate-dates.ts';
export {
	officeHourChoices,
	createOfficeHour,
	listOfficeHours,
	getOfficeHour,
	deleteOfficeHour,
	officeHoursOnDuty,
	publicOfficeHours,
	countVisit,
	visitsSince,
	walkIn,
	type OfficeHour
} from './office-hours.ts';
export {
	officeHourInput,
	officeHourIdInput,
	countVisitInput,
	walkInInput,
	type OfficeHourInput,
	type CountVisitInput,
	type WalkInInput
} from './office-hours-validation.ts';
export { DuplicatePersonError, type KnownPerson } from './office-hours-duplicates.ts';
export { weeklyCalendar, type WeeklyEvent } from './ical.ts';
export { reachInput, getMutualAidReach, reachAreaChoices, REACH_FIGURES, type Reach, type ReachInput, type ReachFigure } from './reach.ts';
export { MIN_SHOWN, cell, suppressTable, lastTwelveMonths, monthsOf, type Cell } from './reach-rules.ts';
export { reachCsv, reachXlsx, reachRows, neutralise, type ReachSheetLabels } from './reach-export.ts';
export {
	publicBoard,
	boardChoices,
	setAidBoard,
	boardSwitchInput,
	weeksOpen,
	BOARD_LIMIT,
	type Board,
	type BoardEntry,
	type BoardSwitchInput
} from './board.ts';
