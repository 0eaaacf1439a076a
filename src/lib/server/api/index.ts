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
	apiRecordCertificate,
	certificateRequest,
	respondBody
} from './aid.ts';
