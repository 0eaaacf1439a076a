import type { PageServerLoad } from './$types';
import { listQuestions } from '#lib/server/fieldwork/index.ts';
import { addDays, dayOfWeek, todayInBelgium } from '#lib/server/core/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const closed = event.url.searchParams.get('closed') === '1';
		// The team's questions are a coordinator's view; anyone else's ?team=1 is simply their own list.
		const mayTeam = ctx.actor.grants.some((g) => g.role === 'coordinator' || g.role === 'admin');
		const team = mayTeam && event.url.searchParams.get('team') === '1';
		const questions = await listQuestions(ctx, { closed, team });
		const today = todayInBelgium();
		const sunday = addDays(today, 7 - dayOfWeek(today));
		const when = (due: string | null) => (due === null ? 'later' : due < today ? 'overdue' : due <= sunday ? 'week' : 'later');
		return {
			closed,
			team,
			mayTeam,
			questions: questions.map((q) => ({ ...q, when: when(q.dueOn) }))
		};
	});
