export { ORGANISATION_KINDS, LAWFUL_BASES, AGE_GROUPS } from './schema.ts';
export { registerPersonInput, linkAccountInput, createOrganisationInput, type RegisterPersonInput } from './validation.ts';
export { createOrganisation, listOrganisations, registerChoices, registerPerson, listPeople, getPerson } from './service.ts';
export { requestAccountLink, viewAccountLink, confirmAccountLink, declineAccountLink } from './link.ts';
export { mayLinkAccount } from './scope.ts';
export { peopleOrganisation, peoplePerson } from './schema.ts';
