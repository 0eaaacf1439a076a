export { openApiDocument, OPERATIONS } from './openapi.ts';
export { me } from './me.ts';
export { meResponse, problemSchema } from './schemas.ts';
export {
	apiCreatePerson,
	apiCreateNeed,
	apiCreateOffer,
	apiListNeeds,
	apiSuggestMatches,
	apiProposeLink,
	apiRespondToLink,
	apiCompleteLink,
	respondBody
} from './aid.ts';
