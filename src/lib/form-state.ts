// What a failed form action sends back (see server/web/forms.ts), read safely in a page whatever
// else the action may return on success.
export type FormView = { values: Record<string, string>; errors: Record<string, string>; message: string | null; form: string | null };

const record = (v: unknown): Record<string, string> => (v && typeof v === 'object' ? (v as Record<string, string>) : {});

export function formView(form: unknown): FormView {
	const f = record(form) as Record<string, unknown>;
	return {
		values: record(f.values),
		errors: record(f.errors),
		message: typeof f.message === 'string' ? f.message : null,
		form: typeof f.form === 'string' ? f.form : null
	};
}
