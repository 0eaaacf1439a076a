// The fieldwork themes (DOMAIN.md "2. Fieldwork"): what a partner organisation helps with, what a contact,
// a question or a signal is about. One list for pages, the server and the figures; labels in messages/
// as theme_<code>. Shared by the server and the components, so it holds no server code.
export const THEMES = [
	'services',
	'leisure',
	'income',
	'work_training',
	'mobility',
	'housing',
	'health',
	'education',
	'family_parenting',
	'language',
	'administration',
	'other'
] as const;
export type Theme = (typeof THEMES)[number];
