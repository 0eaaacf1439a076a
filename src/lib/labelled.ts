import type { IconName } from '#lib/components/ui/icons.ts';

// Codes shown as a label in the reader's language and a picture (themes, contact types): one lookup
// for every such table, so an unknown code shows as-is with the neutral icon instead of breaking a
// page before its label is written.

export type LabelRow = { label: () => string; icon: IconName };

export function labelled(code: string, table: Readonly<Record<string, LabelRow>>): { label: string; icon: IconName } {
	const row = Object.hasOwn(table, code) ? table[code] : undefined;
	return { label: row ? row.label() : code, icon: row?.icon ?? 'dots' };
}
