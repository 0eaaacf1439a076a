export { createAreaInput } from './validation.ts';
export { createArea, listAreas, publicAreas } from './service.ts';
export { publicAreaMap, areaBoundary, mappedAreas, type AreaMap } from './boundary.ts';
