// Where to go after signing in: `?next=` on the sign-in page, set by a page that needs an account (an
// applicant's "Apply" on a public call, a co-editor's invitation link). Only a path of this site is
// followed, never another host ("//evil.example", "/\evil.example" and "https://…" fall back to "/").
export function nextPath(url: URL): string {
	const next = url.searchParams.get('next');
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	return next;
}

/** The sign-in page that comes back here afterwards. */
export const signInFor = (url: URL) => `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;
