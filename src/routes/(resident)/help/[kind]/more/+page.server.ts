import type { Actions, PageServerLoad } from './$types';
import { answer, loadStep } from '../journey.ts';

export const load: PageServerLoad = (event) => loadStep(event, 'more');
export const actions: Actions = { default: (event) => answer(event, 'more') };
