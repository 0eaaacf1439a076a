// The network module's door. The network map (part C of issue 13): map*.ts, graph*.ts, graphml.ts.
export { getNetwork, type NetworkResult } from './map.ts';
export { TIE_TYPES, EDGE_TYPES } from './map-validation.ts';
export { networkGexf, networkGraphml } from './map-export.ts';
