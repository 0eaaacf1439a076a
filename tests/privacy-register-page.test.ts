import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Register from '../src/routes/admin/register/+page.svelte';
import { m } from '../src/lib/paraglide/messages.js';

// The register page names an active purpose without a retention period as the configuration error it
// is (the server refuses to start with one); a purpose switched off may lack one.
const purpose = (code: string, retentionDays: number | null, active = true) => ({
	id: code,
	code,
	text: null,
	version: 1,
	lawfulBasis: 'consent',
	ownBasis: true,
	categories: ['contact'],
	retentionDays,
	active
});
const org = (purposes: ReturnType<typeof purpose>[]) => ({
	id: 'o1',
	name: 'Buurthuis Zuid',
	kind: 'association',
	lawfulBasis: 'consent',
	purposes,
	readers: []
});

describe('the register page', () => {
	it('lists every active purpose without retention under a configuration error', () => {
		const { body } = render(Register, {
			props: { data: { register: [org([purpose('photos', null), purpose('contact', 365), purpose('intercultural', null, false)])] } } as never
		});
		expect(body).toContain(m.privacy_register_config_error());
		expect(body).toContain(m.privacy_register_config_item({ organisation: 'Buurthuis Zuid', purpose: m.privacy_code_photos() }));
		expect(body).not.toContain(m.privacy_register_config_item({ organisation: 'Buurthuis Zuid', purpose: m.privacy_code_intercultural() }));
	});

	it('shows no error when every active purpose has a retention period', () => {
		const { body } = render(Register, {
			props: { data: { register: [org([purpose('contact', 365), purpose('intercultural', null, false)])] } } as never
		});
		expect(body).not.toContain(m.privacy_register_config_error());
	});
});
