import { createHash } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { fundingCall, fundingFile, fundingProgramme } from '../funding/index.ts';
import type { CallRules } from '../../funding/types.ts';
import { callTemplate, type TemplateCode } from '../../funding/templates.ts';

// The demo's funding (issue 16): the city's neighbourhood fund with the three template calls — the
// improvement contract open now and closing in about six weeks, the participatory call open, the
// sustainable-neighbourhood contract closed a month ago — and the improvement contract's call text as
// a PDF. The templates place their deadline from their opening day; the opening is chosen so the
// deadline falls where the demo wants it.

const DAY = 86_400_000;

/** The template's call, opening so that its deadline lies `closesInDays` from now (negative: past). */
function placed(code: TemplateCode, closesInDays: number, now: Date) {
	const probe = callTemplate(code, { opensAt: now, locale: 'nl' });
	const span = Date.parse(probe.rules.closesAt) - now.getTime();
	return callTemplate(code, { opensAt: new Date(now.getTime() + closesInDays * DAY - span), locale: 'nl' });
}

/** A one-page PDF that says what it is (enough for a viewer to open). */
function demoPdf(title: string): Buffer {
	const text = `BT /F1 18 Tf 72 720 Td (${title.replace(/[()\\]/gu, '')}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

export async function seedDemoFunding(db: Db, organisationId: string, officerUserId: string, now = new Date()) {
	const [programme] = await db
		.insert(fundingProgramme)
		.values({
			organisationId,
			name: 'Wijkfonds Gent',
			description: 'Subsidies voor buurtgroepen, verenigingen en wijkprojecten in Gent.',
			createdByUserId: officerUserId
		})
		.returning({ id: fundingProgramme.id });
	const calls: { code: TemplateCode; closesIn: number; status: 'published' | 'closed' }[] = [
		{ code: 'improvement_contract', closesIn: 42, status: 'published' },
		{ code: 'participatory', closesIn: 60, status: 'published' },
		{ code: 'sustainable_contract', closesIn: -30, status: 'closed' }
	];
	const ids: Record<string, { id: string; rules: CallRules }> = {};
	for (const c of calls) {
		const made = placed(c.code, c.closesIn, now);
		const [row] = await db
			.insert(fundingCall)
			.values({
				programmeId: programme!.id,
				organisationId,
				title: made.title,
				summary: made.summary,
				template: c.code,
				status: c.status,
				rules: made.rules,
				opensAt: new Date(made.rules.opensAt),
				closesAt: new Date(made.rules.closesAt),
				publishedAt: new Date(made.rules.opensAt),
				createdByUserId: officerUserId
			})
			.returning({ id: fundingCall.id });
		ids[c.code] = { id: row!.id, rules: made.rules };
	}
	const pdf = demoPdf('Wijkverbeteringscontract - oproeptekst');
	await db.insert(fundingFile).values({
		organisationId,
		callId: ids.improvement_contract!.id,
		name: 'oproeptekst-wijkverbeteringscontract.pdf',
		mediaType: 'application/pdf',
		size: pdf.byteLength,
		sha256: createHash('sha256').update(pdf).digest('hex'),
		content: pdf,
		createdByUserId: officerUserId
	});
	return { programmeId: programme!.id, calls: ids as Record<TemplateCode, { id: string; rules: CallRules }> };
}
