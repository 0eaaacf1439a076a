import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import {
	addHouseholdMember,
	addMemberInput,
	findHouseholds,
	getHousehold,
	getPerson,
	listPeople,
	personHousehold
} from '#lib/server/people/index.ts';
import {
	NODE_KINDS,
	assignWorker,
	assignWorkerInput,
	createRelationship,
	createRelationshipInput,
	endAssignment,
	endAssignmentInput,
	endRelationship,
	endRelationshipInput,
	kindsFit,
	listAssignments,
	listPartners,
	listTies,
	tieLabel,
	RELATIONSHIP_TYPES
} from '#lib/server/network/index.ts';
import { can, holds } from '#lib/server/access/index.ts';
import type { Ctx } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId } from '#lib/server/web/index.ts';

type Kind = (typeof NODE_KINDS)[number];

/** Who or what the "add a tie" search found, of the person's own organisation (the tie must stay in it). */
async function candidates(ctx: Ctx, kind: Kind, q: string, person: { id: string; organisationId: string | null }) {
	if (kind === 'person') {
		const page = await listPeople(ctx, { q, limit: 20 });
		return page.items
			.filter((p) => p.id !== person.id && p.organisationId === person.organisationId)
			.map((p) => ({ value: p.id, label: [p.firstName, p.lastName].filter(Boolean).join(' ') }));
	}
	if (kind === 'household') {
		const found = await findHouseholds(ctx, { q, organisationId: person.organisationId ?? undefined });
		return found.map((h) => ({ value: h.id, label: [h.name, h.members].filter(Boolean).join(' · ') }));
	}
	if (!holds(ctx.actor, 'network.partner.read')) return [];
	const partners = await listPartners(ctx, { q });
	return partners.filter((p) => p.organisationId === person.organisationId).map((p) => ({ value: p.id, label: p.name }));
}

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	const locale = event.locals.locale;
	const search = event.url.searchParams;
	return guard(event, async (ctx) => {
		const person = await getPerson(ctx, { id });
		const place = { organisationId: person.organisationId, areaId: person.areaId };
		const [householdId, ties, workers] = await Promise.all([
			personHousehold(ctx, { personId: id }),
			listTies(ctx, { kind: 'person', id }),
			listAssignments(ctx, { personId: id })
		]);
		const household = householdId ? await getHousehold(ctx, { id: householdId }) : null;
		const may = {
			tie: can(ctx.actor, 'network.relationship.manage', place),
			household: can(ctx.actor, 'people.household.manage', place),
			assign: can(ctx.actor, 'network.assignment.manage', place)
		};
		const kindParam = search.get('kind');
		const kind: Kind = NODE_KINDS.includes(kindParam as Kind) ? (kindParam as Kind) : 'person';
		const q = (search.get('q') ?? '').trim().slice(0, 80);
		const hq = (search.get('hq') ?? '').trim().slice(0, 80);
		const endId = search.get('end');
		return {
			person: { id: person.id, firstName: person.firstName, lastName: person.lastName },
			household,
			householdResults:
				!household && may.household && hq ? await findHouseholds(ctx, { q: hq, organisationId: person.organisationId ?? undefined }) : null,
			hq,
			ties: ties.map((t) => ({ ...t, label: tieLabel(t.type, t.side, locale) })),
			done: search.get('done'),
			ending: ties.find((t) => t.id === endId && t.current) ? endId : null,
			workers,
			may,
			find: {
				kind,
				q,
				results: may.tie && q ? await candidates(ctx, kind, q, person) : null,
				types: RELATIONSHIP_TYPES.filter((t) => kindsFit(t, 'person', kind)).map((t) => ({ value: t, label: tieLabel(t, 'from', locale) }))
			}
		};
	});
};

const tieForm = z.object({
	type: z.string(),
	toKind: z.string(),
	toId: z.string().optional(),
	role: z.string().optional(),
	note: z.string().optional(),
	startsOn: z.string().optional()
});

/** Runs one form's verb; on success back to the tab (POST, redirect, GET: a reload never posts twice). */
async function act<T>(
	event: Parameters<Actions[string]>[0],
	form: string,
	schema: z.ZodType<T>,
	verb: (data: T, personId: string) => Promise<unknown>,
	done: string
) {
	const personId = pathId(event);
	const parsed = await parseForm(event.request, schema, event.locals.locale);
	if (!parsed.ok) return forForm(form, parsed.failure);
	try {
		await verb(parsed.data, personId);
	} catch (e) {
		return forForm(form, failFrom(e, parsed.values, event.locals.locale));
	}
	redirect(303, `/people/${personId}/ties?done=${done}`);
}

export const actions: Actions = {
	tie: (event) =>
		act(
			event,
			'tie',
			tieForm,
			(d, personId) => createRelationship(ctxOf(event), { ...d, fromKind: 'person', fromId: personId } as z.input<typeof createRelationshipInput>),
			'tie'
		),
	end: (event) => act(event, 'end', endRelationshipInput, (d) => endRelationship(ctxOf(event), d), 'ended'),
	joinHousehold: (event) =>
		act(event, 'household', addMemberInput.omit({ personId: true }), (d, personId) => addHouseholdMember(ctxOf(event), { ...d, personId }), 'joined'),
	assign: (event) =>
		act(event, 'assign', assignWorkerInput.omit({ personId: true }), (d, personId) => assignWorker(ctxOf(event), { ...d, personId }), 'assigned'),
	endWorker: (event) => act(event, 'assign', endAssignmentInput, (d) => endAssignment(ctxOf(event), d), 'assigned')
};
