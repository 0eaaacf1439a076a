export { ORGANISATION_KINDS, LAWFUL_BASES, AGE_GROUPS, ORIGIN_GROUPS } from './schema.ts';
export { registerPersonInput, linkAccountInput, createOrganisationInput, themeFormInput, type RegisterPersonInput } from './validation.ts';
export { createOrganisation, listOrganisations, registerChoices, registerPerson, listPeople, getPerson } from './service.ts';
export { getOrganisationTheme, setOrganisationTheme, organisationLogo, actorLook } from './theme.ts';
export { requestAccountLink, viewAccountLink, confirmAccountLink, declineAccountLink } from './link.ts';
export { mayLinkAccount } from './scope.ts';
// Tables other modules JOIN on (one SQL statement instead of a round trip per row) or the demo seed
// writes; part of this module's public API, so a change to them is a change to its door.
export { peopleOrganisation, peoplePerson } from './schema.ts';
// The households' tables, which the network map (network/map-load.ts) reads in bulk with the people.
export { peopleHousehold, peopleHouseholdMember } from './schema.ts';
