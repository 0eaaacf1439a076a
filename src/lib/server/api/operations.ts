import { z } from 'zod';
import { publicAreas } from '../areas/index.ts';
import { me } from './me.ts';
import { meResponse } from './schemas.ts';
import { operation, type Operation } from './operation.ts';
import { AID_NEEDS_OPERATIONS } from './aid-needs-operations.ts';
import { AID_LINK_OPERATIONS } from './aid-links-operations.ts';
import { AID_OFFICE_OPERATIONS } from './aid-office-operations.ts';
import { PEOPLE_OPERATIONS } from './people-operations.ts';
import { CONSENT_OPERATIONS } from './consent-operations.ts';
import { PERSON_OPERATIONS } from './person-operations.ts';
import { NETWORK_OPERATIONS } from './network-operations.ts';
import { MAP_OPERATIONS } from './map-operations.ts';
import { RIGHTS_OPERATIONS } from './rights-operations.ts';
import { FIELDWORK_CONTACT_OPERATIONS } from './fieldwork-contacts-operations.ts';
import { FIELDWORK_QUESTION_OPERATIONS } from './fieldwork-questions-operations.ts';
import { FIELDWORK_FIGURES_OPERATIONS } from './fieldwork-figures-operations.ts';
import { FIELDWORK_SIGNAL_OPERATIONS } from './fieldwork-signals-operations.ts';
import { FIELDWORK_SIGNAL_EXPORT_OPERATIONS } from './fieldwork-signal-export-operations.ts';
import { ACTIVITIES_OPERATIONS } from './activities-operations.ts';
import { ATTENDANCE_OPERATIONS } from './attendance-operations.ts';
// Activities' reach (part reach).
import { REACH_OPERATIONS } from './reach-operations.ts';
import { INDICATOR_OPERATIONS } from './indicators-operations.ts';
import { FUNDING_CALL_OPERATIONS } from './funding-calls-operations.ts';
import { FUNDING_APPLICATION_OPERATIONS } from './funding-applications-operations.ts';
import { FUNDING_GRANT_OPERATIONS } from './funding-grants-operations.ts';
import { FUNDING_REVIEW_OPERATIONS } from './funding-review-operations.ts';

// Every /api/v1 operation, bound to its verb. The dispatcher serves exactly these; the OpenAPI document
// is made from them. Later modules add theirs here.

const areaList = z
	.object({
		items: z.array(
			z.object({
				id: z.uuid(),
				name: z.string(),
				city: z.string(),
				source: z.string().nullable().describe('The open-data source of its boundary, to be credited when shown.')
			})
		),
		nextCursor: z.string().nullable()
	})
	.meta({ id: 'AreaList' });

export const OPERATIONS: Operation[] = [
	operation({ method: 'get', path: '/me', operationId: 'getMe', verb: me, response: meResponse }),
	operation({
		method: 'get',
		path: '/areas',
		operationId: 'listNeighbourhoods',
		verb: publicAreas,
		response: areaList,
		// At most a city's worth of neighbourhoods: one page.
		respond: (items) => ({ items, nextCursor: null })
	}),
	...AID_NEEDS_OPERATIONS,
	...AID_LINK_OPERATIONS,
	...AID_OFFICE_OPERATIONS,
	// The person record's search comes before /people/{id}: the first template that fits is served.
	...PERSON_OPERATIONS,
	...PEOPLE_OPERATIONS,
	...CONSENT_OPERATIONS,
	...NETWORK_OPERATIONS,
	...MAP_OPERATIONS,
	...RIGHTS_OPERATIONS,
	...FIELDWORK_CONTACT_OPERATIONS,
	...FIELDWORK_QUESTION_OPERATIONS,
	...FIELDWORK_FIGURES_OPERATIONS,
	// /signals/export before /signals/{id}: the first template that fits is served.
	...FIELDWORK_SIGNAL_EXPORT_OPERATIONS,
	...FIELDWORK_SIGNAL_OPERATIONS,
	// /activities/reach before /activities/{id}: the first template that fits is served.
	...REACH_OPERATIONS,
	...ACTIVITIES_OPERATIONS,
	...ATTENDANCE_OPERATIONS,
	...INDICATOR_OPERATIONS,
	...FUNDING_CALL_OPERATIONS,
	...FUNDING_APPLICATION_OPERATIONS,
	...FUNDING_GRANT_OPERATIONS,
	...FUNDING_REVIEW_OPERATIONS
];
