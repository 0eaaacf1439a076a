import { and, asc, desc, eq, gte, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, belgianDateOf, defineVerb, dayOfWeek, startOfBelgianDay, startOfBelgianWeek, todayInBelgium } from '../core/index.ts';
import { can, grantsHolding, permission, scopeFilter } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { networkPartner } from '../network/index.ts';
import { areasArea, areasPlace } from '../areas/index.ts';
import type { Ctx } from '../core/index.ts';
import { fieldworkContact, fieldworkContactParty, fieldworkQuestion, fieldworkReferral, fieldworkWorker, type ContactType } from './schema.ts';
import { AT_A_DISTANCE, progressOf, targetFor } from './hours.ts';
import { splitByDue } from './home-due.ts';

// The worker's home page in one verb: a handful of indexed queries, all bounded by the actor's user
// id (recorder, owner, creator) and this week, so the page stays fast on a city's million contacts.
// The note column is never selected here: notes are read through notes.ts only (sensitive, audited).

export type HomeContact = {
	id: string;
	type: ContactType;
	startedAt: Date;
	durationMinutes: number;
	themes: string[];
	anonymousCount: number;
	placeName: string | null;
	/** First names of the people met whom the actor may read; the others only as a number. */
	firstNames: string[];
	hiddenPeople: number;
};

const contactColumns = {
	id: fieldworkContact.id,
	type: fieldworkContact.type,
	startedAt: fieldworkContact.startedAt,
	durationMinutes: fieldworkContact.durationMinutes,
	themes: fieldworkContact.themes,
	anonymousCount: fieldworkContact.anonymousCount,
	placeName: sql<string | null>`coalesce(${fieldworkContact.placeName}, (select p.name from areas_place p where p.id = ${fieldworkContact.placeId}))`
};

/** How many of the week's contacts the page lists: today's, and the latest of the days before. */
const HOME_TODAY_LIMIT = 20;
const HOME_EARLIER_LIMIT = 10;

/**
 * The ids of the week's contacts the actor recorded, or must act on (the recorder index, the party
 * index), as a subquery: the page lists a bounded number of them and counts the rest in SQL, so a
 * worker with 128 contacts a week gets the same small page as one with 12.
 */
function weekIds(ctx: Ctx, userId: string, weekStart: Date) {
	const scope = scopeFilter(ctx.actor, 'fieldwork.contact.read', { organisation: fieldworkContact.organisationId, area: fieldworkContact.areaId });
	const mine = ctx.db
		.select({ id: fieldworkContact.id })
		.from(fieldworkContact)
		.where(and(eq(fieldworkContact.recordedByUserId, userId), gte(fieldworkContact.startedAt, weekStart), scope));
	const asParty = ctx.db
		.select({ id: fieldworkContact.id })
		.from(fieldworkContactParty)
		.innerJoin(fieldworkContact, eq(fieldworkContact.id, fieldworkContactParty.contactId))
		.where(
			and(eq(fieldworkContactParty.userId, userId), eq(fieldworkContactParty.role, 'must_act'), gte(fieldworkContact.startedAt, weekStart), scope)
		);
	return mine.union(asParty);
}

/**
 * The week in numbers: contacts this week and today, and minutes of direct contact in this ISO week
 * (hours.ts's rule: phone and online do not count; a contact running past next Monday 00:00 counts
 * up to that instant, rounded to the minute like directMinutesPerWeek).
 */
async function weekSummary(ctx: Ctx, ids: ReturnType<typeof weekIds>, todayStart: Date, nextWeekStart: Date) {
	const [row] = await ctx.db
		.select({
			week: sql<number>`count(*)::int`,
			today: sql<number>`(count(*) filter (where ${fieldworkContact.startedAt} >= ${todayStart}))::int`,
			directMinutes: sql<number>`coalesce(sum(least(${fieldworkContact.durationMinutes}, round(extract(epoch from (${nextWeekStart}::timestamptz - ${fieldworkContact.startedAt})) / 60))) filter (where ${fieldworkContact.startedAt} < ${nextWeekStart} and ${notInArray(fieldworkContact.type, [...AT_A_DISTANCE])} and ${fieldworkContact.durationMinutes} > 0), 0)::int`
		})
		.from(fieldworkContact)
		.where(inArray(fieldworkContact.id, ids));
	return row ?? { week: 0, today: 0, directMinutes: 0 };
}

/** The newest of the week's contacts started since `from` (today) or before it (earlier this week). */
const weekList = (ctx: Ctx, ids: ReturnType<typeof weekIds>, todayStart: Date, which: 'today' | 'earlier', limit: number) =>
	ctx.db
		.select(contactColumns)
		.from(fieldworkContact)
		.where(
			and(
				inArray(fieldworkContact.id, ids),
				which === 'today' ? gte(fieldworkContact.startedAt, todayStart) : lt(fieldworkContact.startedAt, todayStart)
			)
		)
		.orderBy(desc(fieldworkContact.startedAt), desc(fieldworkContact.id))
		.limit(limit);

/** The people met on these contacts, named only to an actor who may read them. */
async function namesOf(ctx: Ctx, contactIds: string[]) {
	if (!contactIds.length) return new Map<string, { names: string[]; hidden: number }>();
	const rows = await ctx.db
		.select({
			contactId: fieldworkContactParty.contactId,
			firstName: peoplePerson.firstName,
			organisationId: peoplePerson.organisationId,
			areaId: peoplePerson.areaId
		})
		.from(fieldworkContactParty)
		.innerJoin(peoplePerson, eq(peoplePerson.id, fieldworkContactParty.personId))
		.where(and(inArray(fieldworkContactParty.contactId, contactIds), eq(fieldworkContactParty.role, 'with')))
		.orderBy(asc(peoplePerson.firstName));
	const out = new Map<string, { names: string[]; hidden: number }>();
	for (const r of rows) {
		const entry = out.get(r.contactId) ?? { names: [], hidden: 0 };
		const readable = r.firstName && r.organisationId && can(ctx.actor, 'people.person.read', { organisationId: r.organisationId, areaId: r.areaId });
		if (readable) entry.names.push(r.firstName!);
		else entry.hidden += 1;
		out.set(r.contactId, entry);
	}
	return out;
}

const questionColumns = {
	id: fieldworkQuestion.id,
	title: fieldworkQuestion.title,
	theme: fieldworkQuestion.theme,
	dueOn: fieldworkQuestion.dueOn,
	status: fieldworkQuestion.status
};

/** Questions and referrals: the first few of each list, the rest counted (a city worker owns hundreds). */
const HOME_LIST_LIMIT = 10;

/**
 * The actor's open questions overdue, due this week (today … Sunday) and later, the first
 * HOME_LIST_LIMIT of each by due date, and how many each group holds (splitByDue's groups in SQL).
 */
async function myQuestions(ctx: Ctx, where: SQL | undefined, today: string, sunday: string) {
	const q = fieldworkQuestion;
	const groups = [
		sql`${q.dueOn} < ${today}`,
		sql`${q.dueOn} >= ${today} and ${q.dueOn} <= ${sunday}`,
		sql`(${q.dueOn} is null or ${q.dueOn} > ${sunday})`
	];
	const [lists, [counts]] = await Promise.all([
		Promise.all(
			groups.map((group) =>
				ctx.db
					.select(questionColumns)
					.from(q)
					.where(and(where, group))
					.orderBy(sql`${q.dueOn} asc nulls last`, asc(q.createdAt))
					.limit(HOME_LIST_LIMIT)
			)
		),
		ctx.db
			.select({
				overdue: sql<number>`(count(*) filter (where ${groups[0]}))::int`,
				thisWeek: sql<number>`(count(*) filter (where ${groups[1]}))::int`,
				later: sql<number>`(count(*) filter (where ${groups[2]}))::int`
			})
			.from(q)
			.where(where)
	]);
	return { rows: lists.flat(), counts: counts ?? { overdue: 0, thisWeek: 0, later: 0 } };
}

export const readHome = defineVerb({
	name: 'fieldwork.home.read',
	summary: 'The worker’s home page: today’s and this week’s contacts, open questions, referrals waiting, hours against the target',
	permission: permission('fieldwork.contact.read'),
	input: z.object({}).default({}),
	writes: false,
	// Everything below is the actor's own, narrowed again by the scope of their grants: a contact they
	// recorded in a neighbourhood they no longer work in does not show.
	access: (ctx) => ({
		userId: ctx.actor.userId!,
		isOutreach: ctx.actor.grants.some((g) => g.role === 'outreach'),
		teamGrants: grantsHolding(ctx.actor, 'fieldwork.question.manage').filter((g) => g.role === 'coordinator' || g.role === 'admin')
	}),
	run: async (ctx, _input, { userId, isOutreach, teamGrants }) => {
		const now = new Date();
		const today = todayInBelgium(now);
		const weekStart = startOfBelgianWeek(today);
		const sunday = addDays(today, 7 - dayOfWeek(today));
		const questionScope = scopeFilter(ctx.actor, 'fieldwork.question.manage', {
			organisation: fieldworkQuestion.organisationId,
			area: fieldworkQuestion.areaId
		});
		const referralScope = scopeFilter(ctx.actor, 'fieldwork.referral.manage', {
			organisation: fieldworkReferral.organisationId,
			area: fieldworkReferral.areaId
		});
		const monday = belgianDateOf(weekStart);
		const nextWeekStart = startOfBelgianDay(addDays(monday, 7));
		const todayStart = startOfBelgianDay(today);
		const ids = weekIds(ctx, userId, weekStart);
		const [summary, todayRows, earlierRows, questions, referrals, referralCount, worker, last, teamOverdue] = await Promise.all([
			weekSummary(ctx, ids, todayStart, nextWeekStart),
			weekList(ctx, ids, todayStart, 'today', HOME_TODAY_LIMIT),
			weekList(ctx, ids, todayStart, 'earlier', HOME_EARLIER_LIMIT),
			myQuestions(ctx, and(eq(fieldworkQuestion.ownerUserId, userId), eq(fieldworkQuestion.statusClass, 'open'), questionScope), today, sunday),
			ctx.db
				.select({
					id: fieldworkReferral.id,
					status: fieldworkReferral.status,
					createdAt: fieldworkReferral.createdAt,
					partner: networkPartner.name,
					firstName: peoplePerson.firstName,
					personOrganisationId: peoplePerson.organisationId,
					personAreaId: peoplePerson.areaId
				})
				.from(fieldworkReferral)
				.leftJoin(networkPartner, eq(networkPartner.id, fieldworkReferral.partnerId))
				.innerJoin(peoplePerson, eq(peoplePerson.id, fieldworkReferral.personId))
				// The status list (not status_class) so the creator index (created_by, status) is used.
				.where(
					and(eq(fieldworkReferral.createdByUserId, userId), inArray(fieldworkReferral.status, ['referred', 'accepted', 'arrived']), referralScope)
				)
				.orderBy(asc(fieldworkReferral.createdAt))
				.limit(HOME_LIST_LIMIT),
			ctx.db
				.select({ n: sql<number>`count(*)::int` })
				.from(fieldworkReferral)
				.where(
					and(eq(fieldworkReferral.createdByUserId, userId), inArray(fieldworkReferral.status, ['referred', 'accepted', 'arrived']), referralScope)
				),
			ctx.db
				.select({ usualMinutes: fieldworkWorker.usualMinutes, weeklyTargetHours: fieldworkWorker.weeklyTargetHours })
				.from(fieldworkWorker)
				.where(eq(fieldworkWorker.userId, userId)),
			ctx.db
				.select({
					areaId: fieldworkContact.areaId,
					area: areasArea.name,
					placeId: fieldworkContact.placeId,
					placeName: sql<string | null>`coalesce(${fieldworkContact.placeName}, ${areasPlace.name})`
				})
				.from(fieldworkContact)
				.leftJoin(areasArea, eq(areasArea.id, fieldworkContact.areaId))
				.leftJoin(areasPlace, eq(areasPlace.id, fieldworkContact.placeId))
				.where(eq(fieldworkContact.recordedByUserId, userId))
				.orderBy(desc(fieldworkContact.startedAt))
				.limit(1),
			teamGrants.length
				? ctx.db
						.select({ ...questionColumns, ownerUserId: fieldworkQuestion.ownerUserId })
						.from(fieldworkQuestion)
						.where(
							and(
								eq(fieldworkQuestion.statusClass, 'open'),
								lt(fieldworkQuestion.dueOn, today),
								teamGrants.some((g) => g.role === 'admin')
									? undefined
									: or(
											...teamGrants.map((g) =>
												g.areaId === null
													? eq(fieldworkQuestion.organisationId, g.organisationId)
													: and(eq(fieldworkQuestion.organisationId, g.organisationId), eq(fieldworkQuestion.areaId, g.areaId))
											)
										)
							)
						)
						.orderBy(asc(fieldworkQuestion.dueOn))
						.limit(HOME_LIST_LIMIT)
				: Promise.resolve(null)
		]);
		const names = await namesOf(
			ctx,
			[...todayRows, ...earlierRows].map((c) => c.id)
		);
		const withNames = (rows: typeof todayRows): HomeContact[] =>
			rows.map((c) => ({ ...c, firstNames: names.get(c.id)?.names ?? [], hiddenPeople: names.get(c.id)?.hidden ?? 0 }));
		const target = targetFor(worker[0]?.weeklyTargetHours, isOutreach);
		return {
			today,
			monday,
			/** Today's contacts, newest first, at most HOME_TODAY_LIMIT; `counts.today` says how many there are. */
			todayContacts: withNames(todayRows),
			/** The latest of this week's contacts before today, at most HOME_EARLIER_LIMIT. */
			earlierContacts: withNames(earlierRows),
			counts: { week: summary.week, today: summary.today, earlier: summary.week - summary.today },
			questions: splitByDue(questions.rows, today, sunday),
			/** How many open questions there are in each group (the lists hold at most HOME_LIST_LIMIT each). */
			questionCounts: questions.counts,
			referralCount: referralCount[0]?.n ?? 0,
			referrals: referrals.map(({ personOrganisationId, personAreaId, firstName, ...r }) => ({
				...r,
				firstName:
					firstName && personOrganisationId && can(ctx.actor, 'people.person.read', { organisationId: personOrganisationId, areaId: personAreaId })
						? firstName
						: null
			})),
			hours: progressOf(monday, summary.directMinutes, target),
			worker: { usualMinutes: worker[0]?.usualMinutes ?? 30, weeklyTargetHours: worker[0]?.weeklyTargetHours ?? null, isOutreach },
			last: last[0] ?? null,
			teamOverdue
		};
	}
});
