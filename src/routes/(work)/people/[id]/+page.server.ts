import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { getPerson, linkAccountInput, listOrganisations, mayLinkAccount, requestAccountLink } from '#lib/server/people/index.ts';
import { can, grantRole, grantRoleInput, listGrants, revokeRole, revokeRoleInput, ROLES } from '#lib/server/access/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import {
	certificateBody,
	certificateHistory,
	certificateStatus,
	CERTIFICATE_USUAL_YEARS,
	latestCertificate,
	recordCertificate
} from '#lib/server/aid/index.ts';
import { addYears, type Ctx, todayInBelgium } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	pathId(event);
	return guard(event, async (ctx) => {
		const person = await getPerson(ctx, { id: event.params.id });
		// A merged record's old links and bookmarks land on the record kept.
		if (person.mergedIntoId) redirect(303, `/people/${person.mergedIntoId}`);
		// An erased record says when, and nothing else.
		if (person.erasedAt) return { erased: { id: person.id, at: person.erasedAt.toISOString() } };
		const isAdmin = can(ctx.actor, 'admin.role.grant');
		const place = { organisationId: person.organisationId, areaId: person.areaId };
		const areas = await listAreas(ctx);
		return {
			erased: null,
			person,
			area: areas.find((a) => a.id === person.areaId)?.name ?? null,
			canCorrect: can(ctx.actor, 'people.person.update', place) && !person.archivedAt,
			canMerge: can(ctx.actor, 'people.person.merge', place) && !person.archivedAt,
			canLink: mayLinkAccount(ctx.actor, person),
			certificate: can(ctx.actor, 'aid.certificate.check', { organisationId: person.organisationId, areaId: person.areaId })
				? await certificateView(ctx, person.id)
				: null,
			admin: isAdmin
				? {
						grants: await listGrants(ctx, { personId: person.id }),
						organisations: await listOrganisations(ctx),
						areas,
						roles: ROLES
					}
				: null
		};
	});
};

/** The checks the person page lists: a person has a handful in a lifetime (one every few years). */
const HISTORY_SHOWN = 50;

/** The good-conduct certificate section: the one that counts, its status today, the checks, the form's proposal. */
async function certificateView(ctx: Ctx, personId: string) {
	const today = todayInBelgium();
	const [latest, history] = await Promise.all([latestCertificate(ctx, { personId }), certificateHistory(ctx, { personId, limit: HISTORY_SHOWN })]);
	return {
		latest,
		status: certificateStatus(latest?.validUntil ?? null, today),
		history: history.items,
		today,
		suggestedUntil: addYears(today, CERTIFICATE_USUAL_YEARS)
	};
}

async function act<T, R>(event: Parameters<Actions[string]>[0], schema: z.ZodType<T>, verb: (data: T) => Promise<unknown>, result: (data: T) => R) {
	// Actions run without the page's load: the id in the address is checked here too.
	pathId(event);
	const parsed = await parseForm(event.request, schema, event.locals.locale);
	if (!parsed.ok) return parsed.failure;
	try {
		await verb(parsed.data);
		return result(parsed.data);
	} catch (e) {
		return failFrom(e, parsed.values, event.locals.locale);
	}
}

export const actions: Actions = {
	// The same answer for every address, with or without an account: only the address's owner learns more.
	link: (event) =>
		act(
			event,
			linkAccountInput.omit({ personId: true }),
			(d) => requestAccountLink(ctxOf(event), { ...d, personId: event.params.id! }),
			(d) => ({ linkRequested: d.email })
		),
	grant: (event) =>
		act(
			event,
			grantRoleInput.omit({ personId: true }),
			(d) => grantRole(ctxOf(event), { ...d, personId: event.params.id! }),
			() => ({ saved: true })
		),
	revoke: (event) =>
		act(
			event,
			revokeRoleInput,
			(d) => revokeRole(ctxOf(event), d),
			() => ({ saved: true })
		),
	certificate: async (event) => {
		pathId(event);
		const parsed = await parseForm(event.request, certificateBody, event.locals.locale);
		if (!parsed.ok) return forForm('certificate', parsed.failure);
		try {
			await recordCertificate(ctxOf(event), { ...parsed.data, personId: event.params.id! });
			return { certificateSaved: true };
		} catch (e) {
			return forForm('certificate', failFrom(e, parsed.values, event.locals.locale));
		}
	}
};
