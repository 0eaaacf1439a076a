// The network module's door: partner organisations, ties between people, households and partners,
// and worker assignments (the map, network/map*.ts, comes next to these).
export { PARTNER_KINDS, RELATIONSHIP_TYPES, NODE_KINDS, TIE_ACCESS } from './schema.ts';
export {
	createPartnerInput,
	listPartnersInput,
	partnerFields,
	createRelationshipInput,
	endRelationshipInput,
	assignWorkerInput,
	endAssignmentInput,
	NOTE_MAX
} from './validation.ts';
export { createPartner, getPartner, updatePartner, listPartners } from './partners.ts';
export { createRelationship, endRelationship, listTies } from './relationships.ts';
export { assignWorker, endAssignment, listAssignments } from './assignments.ts';
export { tieLabel } from './labels.ts';
export { kindsFit } from './rules.ts';
// Tables the demo and city seeds write in bulk; part of this module's public API.
export { networkPartner, networkPartnerArea, networkRelationship, networkAssignment } from './schema.ts';
// The network module's door. The network map (part C of issue 13): map*.ts, graph*.ts, graphml.ts.
export { getNetwork, networkAreaChoices, type NetworkResult } from './map.ts';
export { getNetworkInput } from './map-validation.ts';
export { TIE_TYPES, EDGE_TYPES } from './map-validation.ts';
export { networkGexf, networkGraphml } from './map-export.ts';
// The pure graph steps, for the bench's split timings (scripts/bench/network.ts): no data access.
export { buildGraph, metrics as networkMetrics, layout as networkLayout, sampledBetweenness } from './graph.ts';
