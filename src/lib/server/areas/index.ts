export { createAreaInput } from './validation.ts';
export { createArea, listAreas, listPlaces, publicAreas } from './service.ts';
export { publicAreaMap, areaBoundary, mappedAreas, type AreaMap } from './boundary.ts';
export { areasArea, areasPlace } from './schema.ts';
