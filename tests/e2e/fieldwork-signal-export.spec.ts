import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { E2E_ORIGIN, signIn } from './helpers.ts';

// The anonymised signals export through the running server, as the coordinator downloads it with the
// demo year of fieldwork behind it: the Word file unzipped and read, the CSV's headers; a resident is
// refused. (The signals pages, which link here, are another part's; their journey clicks these links.)

const PRIVATE_NOTES = [
	'Samen de brief doorgenomen; volgende week terug langs.',
	'Gesprek over de schulden; stapje voor stapje.',
	'Afspraak gemaakt voor de zitdag; documenten meebrengen.',
	'Rustig gesprek, gaat beter dan vorige maand.'
];

const docxText = (body: Buffer) =>
	strFromU8(unzipSync(new Uint8Array(body))['word/document.xml']!)
		.replace(/<\/w:p>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

test('the coordinator downloads the anonymised signals as Word and CSV', async ({ page }, info) => {
	await signIn(page, 'coordinator@example.org');
	await page.context().addCookies([{ name: 'wijkweb_locale', value: 'nl', url: E2E_ORIGIN }]);

	const docx = await page.request.get('/fieldwork/signals/export.docx');
	expect(docx.status()).toBe(200);
	expect(docx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
	expect(docx.headers()['content-disposition']).toMatch(/^attachment; filename="wijkweb-signals-\d{4}-\d{2}-\d{2}\.docx"$/);
	expect(docx.headers()['cache-control']).toBe('private, no-store');
	const bytes = await docx.body();
	// Kept in the test's output folder, to open in Word and read.
	await writeFile(info.outputPath('signals.docx'), bytes);
	const text = docxText(bytes);
	expect(text).toContain('Signalen en knelpunten — geanonimiseerd overzicht');
	expect(text).toContain('Het OCMW maakt enkel online afspraken');
	expect(text).toContain('Groepen van 1 tot 4 staan als “<5”');
	expect(text).toContain('Per maand');
	for (const note of PRIVATE_NOTES) expect(text).not.toContain(note);
	// The demo workers' names (they are on every contact as recorders) are nowhere in it.
	for (const name of ['Youssef', 'Kenan', '@example.org']) expect(text).not.toContain(name);

	const csv = await page.request.get('/fieldwork/signals/export.csv?theme=income');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const body = await csv.text();
	expect(body.split('\r\n')[0]).toBe(
		'\uFEFFSignaal,Buurt,Thema van het signaal,Status,Aangekaart bij,Aangekaart op,Maand,Thema,Contacten,Vragen,Mensen'
	);
	expect(body).toContain('alle maanden,alle thema’s');

	const bad = await page.request.get('/fieldwork/signals/export.csv?status=lost');
	expect(bad.status()).toBe(422);
	expect(bad.headers()['content-type']).toContain('application/problem+json');
});

test('a resident may not download the signals export', async ({ page }) => {
	await signIn(page, 'resident@example.org');
	const res = await page.request.get('/fieldwork/signals/export.docx');
	expect(res.status()).toBe(403);
	expect(res.headers()['content-type']).toContain('application/problem+json');
});
