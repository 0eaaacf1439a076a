import { m } from '#lib/paraglide/messages.js';
import { isLocale, baseLocale } from '#lib/paraglide/runtime.js';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: string }) => string;
const table = m as unknown as Record<string, MessageFn | undefined>;

/** Translates a message key chosen at run time (error keys from the domain). Unknown keys fall back. */
export function translate(key: string, locale: string, inputs: Record<string, unknown> = {}): string {
	const fn = table[key] ?? (key.startsWith('error_') ? table.error_invalid : undefined);
	if (!fn) return key;
	return fn(inputs, { locale: isLocale(locale) ? locale : baseLocale });
}
