import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Mailbox from '../src/routes/dev/mailbox/+page.svelte';
import { m } from '../src/lib/paraglide/messages.js';

// The demo mailbox says what happened to a mail in words, not the outbox's status code ("kept").
const mail = (status: string) => ({ id: status, to: 'a@example.org', subject: `Subject ${status}`, text: 'Hello', status, createdAt: new Date() });

describe('the demo mailbox page', () => {
	it('shows each status as words', () => {
		const { body } = render(Mailbox, { props: { data: { mails: ['kept', 'sent', 'queued', 'failed'].map(mail), open: true } } as never });
		expect(body).toContain(m.mailbox_status_kept());
		expect(body).toContain(m.mailbox_status_failed());
		expect(body).not.toMatch(/· kept</);
	});
});
