// The mutual-aid taxonomy of DOMAIN.md. Codes are stored; labels live in messages/ as aid_cat_<code>;
// icons are names of the SVG symbols the pages draw.
export const CATEGORIES = [
	{ code: 'errands', icon: 'basket' },
	{ code: 'company', icon: 'cup' },
	{ code: 'accompaniment', icon: 'walk' },
	{ code: 'paperwork', icon: 'form' },
	{ code: 'homework', icon: 'book' },
	{ code: 'childcare', icon: 'child' },
	{ code: 'repairs', icon: 'tool' },
	{ code: 'gardening', icon: 'leaf' },
	{ code: 'language', icon: 'speech' },
	{ code: 'transport', icon: 'car' },
	{ code: 'meals', icon: 'pot' },
	{ code: 'moving', icon: 'box' },
	{ code: 'other', icon: 'dots' }
] as const;

export type Category = (typeof CATEGORIES)[number]['code'];
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as Category[];

export const isCategory = (v: unknown): v is Category => typeof v === 'string' && (CATEGORY_CODES as string[]).includes(v);
