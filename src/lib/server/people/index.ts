export { ORGANISATION_KINDS, LAWFUL_BASES } from './schema.ts';
export { registerPersonInput, linkAccountInput, createOrganisationInput } from './validation.ts';
export { createOrganisation, listOrganisations, registerPerson, listPeople, getPerson, linkAccount } from './service.ts';
