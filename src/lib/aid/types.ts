// What the server's aid results look like to the pages that show them: shared with components and
// #lib/aid's wording, which run in the browser too and so may not import server code.

export type Reason =
	| { code: 'language'; points: number; language: string }
	| { code: 'distance'; points: number; metres: number }
	| { code: 'same_area'; points: number }
	| { code: 'time'; points: number; day: number; start: number; end: number }
	// A specific day that suits both sides; no start/end when both are free the whole day.
	| { code: 'date'; points: number; date: string; start?: number; end?: number }
	| { code: 'experience'; points: number; count: number; ageGroup: string | null }
	| { code: 'load'; points: number; activeLinks: number };

export type { Cell } from '../stats.ts';

export const REACH_FIGURES = [
	'linksMade',
	'linksCompleted',
	'intergenerational',
	'intercultural',
	'repeatLinks',
	'volunteersStillActive12m',
	'volunteersEligible12m',
	'studentsInvolved',
	'newResidentsReached',
	'networkAtStart',
	'networkAtEnd'
] as const;
export type ReachFigure = (typeof REACH_FIGURES)[number];
