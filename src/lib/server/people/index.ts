export { ORGANISATION_KINDS, LAWFUL_BASES, AGE_GROUPS, ORIGIN_GROUPS } from './schema.ts';
export { registerPersonInput, linkAccountInput, createOrganisationInput, type RegisterPersonInput } from './validation.ts';
export { createOrganisation, listOrganisations, registerChoices, registerPerson, listPeople, getPerson, linkAccount } from './service.ts';
