// The network module's door. The network map (part C of issue 13): map*.ts, graph*.ts, graphml.ts.
export { getNetwork, networkAreaChoices, type NetworkResult } from './map.ts';
export { getNetworkInput } from './map-validation.ts';
export { TIE_TYPES, EDGE_TYPES } from './map-validation.ts';
export { networkGexf, networkGraphml } from './map-export.ts';
// The pure graph steps, for the bench's split timings (scripts/bench/network.ts): no data access.
export { buildGraph, metrics as networkMetrics, layout as networkLayout, sampledBetweenness } from './graph.ts';
