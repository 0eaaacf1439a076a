import { m } from '#lib/paraglide/messages.js';

// The codes of consent per purpose (people/schema.ts), in the page's language. Unknown codes show as-is.

type Msg = () => string;
const label = (table: Record<string, Msg>) => (code: string) => table[code]?.() ?? code;

export const purposeLabel = label({
	contact: m.consent_purpose_contact,
	origin_statistics: m.consent_purpose_origin_statistics,
	intercultural: m.consent_purpose_intercultural,
	photos: m.consent_purpose_photos,
	share_partner: m.consent_purpose_share_partner,
	social_situation: m.consent_purpose_social_situation
});

export const methodLabel = label({ spoken: m.consent_method_spoken, paper: m.consent_method_paper, online: m.consent_method_online });

export const dataCategoryLabel = label({
	identity: m.consent_category_identity,
	contact: m.consent_category_contact,
	household: m.consent_category_household,
	origin: m.consent_category_origin,
	languages: m.consent_category_languages,
	relationships: m.consent_category_relationships,
	notes: m.consent_category_notes,
	photos: m.consent_category_photos,
	health: m.consent_category_health
});

/** What a withdrawal stops (people/consent-rules.ts WITHDRAWAL_STOPS), as a phrase. */
export const stopLabel = label({
	contact: m.consent_stops_contact,
	intercultural_figures: m.consent_stops_intercultural_figures,
	origin: m.consent_stops_origin,
	photos: m.consent_stops_photos,
	sharing: m.consent_stops_sharing,
	situation: m.consent_stops_situation
});
