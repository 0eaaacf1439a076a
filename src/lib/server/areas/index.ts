export { createAreaInput } from './validation.ts';
export { createArea, listAreas, listPlaces, publicAreas } from './service.ts';
