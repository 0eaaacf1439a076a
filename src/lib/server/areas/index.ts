export { createAreaInput } from './validation.ts';
export { createArea, listAreas, publicAreas } from './service.ts';
export { publicAreaMap, areaBoundary, mappedAreas, type AreaMap } from './boundary.ts';
// Tables other modules JOIN on (one SQL statement instead of a round trip per row) or the demo seed
// writes; part of this module's public API, so a change to them is a change to its door.
export { areasArea, areasPlace } from './schema.ts';
