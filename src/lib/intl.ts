// Intl formatters, made once per language and options. Making one costs far more than using it (a
// queue page of 50 needs spent a quarter of its server time building date formatters), and a
// formatter is immutable, so one per key serves every request.

type Kinds = {
	DateTimeFormat: [Intl.DateTimeFormatOptions, Intl.DateTimeFormat];
	NumberFormat: [Intl.NumberFormatOptions, Intl.NumberFormat];
	DisplayNames: [Intl.DisplayNamesOptions, Intl.DisplayNames];
	RelativeTimeFormat: [Intl.RelativeTimeFormatOptions, Intl.RelativeTimeFormat];
	ListFormat: [Intl.ListFormatOptions, Intl.ListFormat];
};

const made = new Map<string, unknown>();

/**
 * The interface language → the convention its dates and numbers follow. The app is for Belgium:
 * English is Belgian English (24-hour clock, day before month, decimal comma), not American AM/PM.
 */
const REGIONAL: Record<string, string> = { en: 'en-BE' };
export const formatLocale = (locale: string | undefined) => (locale ? (REGIONAL[locale] ?? locale) : locale);

export function intl<K extends keyof Kinds>(kind: K, locale: string | undefined, options: Kinds[K][0]): Kinds[K][1] {
	const tag = formatLocale(locale);
	const key = `${kind}|${tag}|${JSON.stringify(options)}`;
	let f = made.get(key);
	if (!f) {
		const Ctor = Intl[kind] as unknown as new (l: string | undefined, o: Kinds[K][0]) => Kinds[K][1];
		f = new Ctor(tag, options);
		// A bound on the cache: the keys come from code (a handful of option sets × six languages).
		if (made.size < 500) made.set(key, f);
	}
	return f as Kinds[K][1];
}
