export { ORGANISATION_KINDS, LAWFUL_BASES, AGE_GROUPS, ORIGIN_GROUPS, CHANNELS } from './schema.ts';
export {
	registerPersonInput,
	updatePersonInput,
	linkAccountInput,
	createOrganisationInput,
	themeFormInput,
	type RegisterPersonInput
} from './validation.ts';
export { createOrganisation, listOrganisations, registerChoices, registerPerson, listPeople } from './service.ts';
export { correctionChoices, getPerson, updatePerson } from './record.ts';
export { searchPeople } from './search.ts';
export { similarPeople } from './similar.ts';
export { mergePeople, MERGE_FIELDS } from './merge.ts';
// Fieldwork's contacts say when someone was last met (the retention job reads it).
export { markSeen } from './seen.ts';
export { getOrganisationTheme, setOrganisationTheme, organisationLogo, actorLook } from './theme.ts';
export { requestAccountLink, viewAccountLink, confirmAccountLink, declineAccountLink } from './link.ts';
export { mayLinkAccount } from './scope.ts';
export { CONSENT_METHODS, DATA_CATEGORIES, PURPOSE_BASES, PURPOSE_CODES } from './schema.ts';
export { listPurposes, createPurpose, updatePurpose } from './purposes.ts';
export { createPurposeInput, updatePurposeInput, recordConsentInput, withdrawConsentInput } from './purposes-validation.ts';
export { consentGiven, recordConsent, withdrawConsent, listConsents, seedConsent } from './consent.ts';
export { textIn } from './consent-rules.ts';
// Purposes and consents as the privacy module reads them (retention job, register of processing).
export { peopleConsent, peoplePurpose, peoplePurposeText } from './schema.ts';
export { MEMBER_ROLES } from './schema.ts';
export {
	createHousehold,
	createHouseholdInput,
	addHouseholdMember,
	addMemberInput,
	endHouseholdMember,
	endMemberInput,
	getHousehold,
	personHousehold,
	findHouseholds
} from './households.ts';
// Tables other modules JOIN on (one SQL statement instead of a round trip per row) or the demo seed
// writes; part of this module's public API, so a change to them is a change to its door.
export { peopleOrganisation, peoplePerson, peopleHousehold, peopleHouseholdMember } from './schema.ts';
