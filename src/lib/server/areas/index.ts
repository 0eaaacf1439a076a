export { createAreaInput } from './validation.ts';
export { createArea, listAreas, publicAreas } from './service.ts';
export { publicAreaMap, areaBoundary, mappedAreas } from './boundary.ts';
export { areasArea, areasPlace } from './schema.ts';
