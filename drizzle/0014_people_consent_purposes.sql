-- hand-written (ABOVE the generated DROPs on purpose: the booleans must be read before they go).
-- Mutual aid's two consent booleans become purposes of the consent model (issue 13): every
-- organisation gets the purposes 'contact' and 'intercultural' with their texts in the six interface
-- languages, and each true boolean becomes a given consent, spoken, recorded by whoever registered the
-- person, at the moment they were registered. Organisations made later get the same two purposes from
-- the trigger below, whoever inserts them (the admin form, the seeds, the test factories).
-- Both are asked (lawful_basis 'consent', not the organisation's own): the booleans were asked of
-- everyone, public bodies included, so every figure counted from them stays the same; a coordinator
-- may change the basis on the purposes page.
-- Retention: contact details for someone not met in two years (730 days) are stale and a risk, and two
-- years covers a full cycle of neighbourhood work; the intercultural figures are reported over
-- three-year funding programmes, so their data is kept three years (1 095 days).
CREATE OR REPLACE FUNCTION public.people_add_default_purposes(org uuid) RETURNS void LANGUAGE sql AS $$
	WITH added AS (
		INSERT INTO people_purpose (organisation_id, code, lawful_basis, categories, retention_days, version, active)
		VALUES (org, 'contact', 'consent', '{identity,contact}', 730, 1, true),
		       (org, 'intercultural', 'consent', '{origin,languages}', 1095, 1, true)
		ON CONFLICT DO NOTHING
		RETURNING id, code
	)
	INSERT INTO people_purpose_text (purpose_id, version, texts)
	SELECT added.id, 1, t.texts FROM added JOIN (VALUES
		('contact', jsonb_build_object(
			'nl', 'Mogen we u contacteren (telefoon, sms of e-mail) over uw vraag, activiteiten en nieuws uit de buurt? U kunt dit altijd intrekken. U krijgt hoe dan ook hulp.',
			'fr', 'Pouvons-nous vous contacter (téléphone, SMS ou e-mail) au sujet de votre demande, des activités et des nouvelles du quartier ? Vous pouvez retirer cet accord à tout moment. Vous recevez de l''aide dans tous les cas.',
			'en', 'May we contact you (phone, text message or e-mail) about your request, activities and news from the neighbourhood? You can withdraw this at any time. You get help either way.',
			'bg', 'Може ли да се свързваме с вас (телефон, SMS или имейл) за вашата молба, за дейности и новини от квартала? Можете да оттеглите съгласието си по всяко време. Получавате помощ във всеки случай.',
			'tr', 'Talebiniz, etkinlikler ve mahalle haberleri hakkında sizinle (telefon, SMS veya e-posta ile) iletişime geçebilir miyiz? Bu izni istediğiniz zaman geri alabilirsiniz. Her durumda yardım alırsınız.',
			'ar', 'هل يمكننا التواصل معك (بالهاتف أو الرسائل القصيرة أو البريد الإلكتروني) بشأن طلبك والأنشطة وأخبار الحي؟ يمكنك سحب موافقتك في أي وقت. ستحصل على المساعدة في كل الأحوال.')),
		('intercultural', jsonb_build_object(
			'nl', 'Mogen we uw herkomstgroep (België, EU, buiten de EU) en uw talen gebruiken om zonder namen te tellen hoeveel hulp tussen culturen gebeurt? U kunt dit altijd intrekken. U krijgt hoe dan ook hulp.',
			'fr', 'Pouvons-nous utiliser votre groupe d''origine (Belgique, UE, hors UE) et vos langues pour compter, sans noms, l''entraide entre cultures ? Vous pouvez retirer cet accord à tout moment. Vous recevez de l''aide dans tous les cas.',
			'en', 'May we use your origin group (Belgium, EU, outside the EU) and your languages to count, without names, how much help happens between cultures? You can withdraw this at any time. You get help either way.',
			'bg', 'Може ли да използваме групата ви по произход (Белгия, ЕС, извън ЕС) и езиците ви, за да броим без имена колко помощ има между културите? Можете да оттеглите съгласието си по всяко време. Получавате помощ във всеки случай.',
			'tr', 'Kültürler arasında ne kadar yardımlaşma olduğunu isim olmadan saymak için köken grubunuzu (Belçika, AB, AB dışı) ve dillerinizi kullanabilir miyiz? Bu izni istediğiniz zaman geri alabilirsiniz. Her durumda yardım alırsınız.',
			'ar', 'هل يمكننا استخدام مجموعة أصلك (بلجيكا، الاتحاد الأوروبي، خارج الاتحاد الأوروبي) ولغاتك لنحسب، دون أسماء، مقدار المساعدة بين الثقافات؟ يمكنك سحب موافقتك في أي وقت. ستحصل على المساعدة في كل الأحوال.'))
	) AS t(code, texts) ON t.code = added.code;
$$;--> statement-breakpoint
SELECT public.people_add_default_purposes(id) FROM people_organisation;--> statement-breakpoint
INSERT INTO people_consent (person_id, purpose_id, version, given, method, recorded_by_user_id, recorded_at)
SELECT p.id, u.id, u.version, true, 'spoken', p.registered_by_user_id, p.created_at
FROM people_person p
JOIN people_purpose u ON u.organisation_id = p.organisation_id AND u.partner_id IS NULL
	AND ((u.code = 'contact' AND p.contact_consent) OR (u.code = 'intercultural' AND p.intercultural_consent));--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.people_organisation_default_purposes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM public.people_add_default_purposes(NEW.id);
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER people_organisation_default_purposes AFTER INSERT ON people_organisation
	FOR EACH ROW EXECUTE FUNCTION public.people_organisation_default_purposes();--> statement-breakpoint
-- generated by drizzle-kit:
ALTER TABLE "people_person" DROP COLUMN "contact_consent";--> statement-breakpoint
ALTER TABLE "people_person" DROP COLUMN "intercultural_consent";