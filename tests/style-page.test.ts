import { afterEach, describe, expect, it } from 'vitest';
import { load } from '../src/routes/dev/style/+page.server.ts';

// The living style page is where the demo mailbox is open (the demo on this machine, dev) and
// nowhere else: on a real installation it is a 404, like any unknown address.

const saved = { ...process.env };
afterEach(() => {
	process.env = { ...saved };
});

// The socket's address, as scripts/serve.ts hands it on (and as Vite's dev server reports it).
const from = (address: string) =>
	({
		request: new Request('http://localhost/dev/style', { headers: { 'x-wijkweb-peer': address } }),
		getClientAddress: () => address,
		locals: { locale: 'en' },
		url: new URL('http://localhost/dev/style')
	}) as never;

const status = async (p: () => unknown) => {
	try {
		await p();
		return 200;
	} catch (e) {
		return (e as { status?: number }).status;
	}
};

describe('/dev/style', () => {
	it('opens in the embedded demo for a request from this computer', async () => {
		Object.assign(process.env, { WIJKWEB_DEMO: '1', WIJKWEB_PEER_HEADER: '1' });
		delete process.env.SMTP_HOST;
		delete process.env.HOST;
		delete process.env.ORIGIN;
		expect(await status(() => load(from('127.0.0.1')))).toBe(200);
	});

	it('is a 404 from another computer, and outside the demo (a mail server set up)', async () => {
		Object.assign(process.env, { WIJKWEB_DEMO: '1', WIJKWEB_PEER_HEADER: '1' });
		delete process.env.HOST;
		delete process.env.ORIGIN;
		expect(await status(() => load(from('192.168.1.20')))).toBe(404);
		process.env.SMTP_HOST = 'smtp.example.org';
		expect(await status(() => load(from('127.0.0.1')))).toBe(404);
	});
});
