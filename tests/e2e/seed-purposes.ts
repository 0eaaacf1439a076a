import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client.ts';
import { peopleOrganisation, peoplePurpose, peoplePurposeText } from '../../src/lib/server/people/schema.ts';

// Purposes for the register of processing's browser test (tests/e2e/privacy-register.spec.ts), with
// their texts in every language. Each has a retention period: without one the server would refuse to start.
const TEXTS = {
	contact: {
		nl: 'We bellen of mailen je over je vraag om hulp.',
		fr: 'Nous t’appelons ou t’écrivons au sujet de ta demande d’aide.',
		en: 'We call or e-mail you about your request for help.',
		bg: 'Обаждаме ви се или ви пишем по повод молбата ви за помощ.',
		tr: 'Yardım talebiniz hakkında sizi arar veya size e-posta göndeririz.',
		ar: 'نتصل بك أو نراسلك بخصوص طلب المساعدة.'
	},
	intercultural: {
		nl: 'We tellen je herkomst mee in de interculturele cijfers van de buurt, zonder je naam.',
		fr: 'Nous comptons ton origine dans les chiffres interculturels du quartier, sans ton nom.',
		en: 'We count your origin in the neighbourhood’s intercultural figures, without your name.',
		bg: 'Отчитаме произхода ви в междукултурните показатели на квартала, без името ви.',
		tr: 'Kökeninizi adınız olmadan mahallenin kültürlerarası rakamlarına katarız.',
		ar: 'نحتسب أصلك في الأرقام بين الثقافات للحي، من دون اسمك.'
	}
};

export async function seedPurposes(db: Db) {
	const [org] = await db.select().from(peopleOrganisation).where(eq(peopleOrganisation.name, 'Stad Gent — Buurtwerk'));
	if (!org) throw new Error('seedPurposes: the demo data is not there');
	const rows = [
		{ code: 'contact' as const, categories: ['identity' as const, 'contact' as const], retentionDays: 730 },
		{ code: 'intercultural' as const, categories: ['origin' as const, 'languages' as const], retentionDays: 365, lawfulBasis: 'consent' as const }
	];
	for (const row of rows) {
		// Every organisation already has these two purposes (migration 0014 gives them with default
		// texts): this spec's categories and retention replace theirs, so the register shows what it checks.
		const [p] = await db
			.insert(peoplePurpose)
			.values({ organisationId: org.id, ...row })
			.onConflictDoUpdate({
				target: [peoplePurpose.organisationId, peoplePurpose.code, peoplePurpose.partnerId],
				// The lawful basis stays the migration's (consent): the API journeys record contact consents.
				set: { categories: row.categories, retentionDays: row.retentionDays }
			})
			.returning();
		// Texts only where a purpose has none yet: the migration's default texts stay (the consents spec reads them).
		await db.insert(peoplePurposeText).values({ purposeId: p!.id, version: p!.version, texts: TEXTS[row.code] }).onConflictDoNothing();
	}
}
