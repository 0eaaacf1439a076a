// What was typed in a need / offer form or question page, kept across a language switch when JavaScript runs. The
// switcher is a plain POST form in the header that reloads the page in the new language, so the
// server never sees the unsaved form. The draft is written only at that moment, for this page of
// this tab (sessionStorage), and read back once by the reloaded form.

const key = (path: string) => `wijkweb:draft:${path}`;
// Fields that only steer the map picker (see server/aid/form.ts MAP_CONTROLS), never data.
const SKIP = new Set(['map.x', 'map.y', 'point']);

/** Starts listening for the language switch; returns the function that stops it. */
export function keepOnLanguageSwitch(form: HTMLFormElement): () => void {
	const onSubmit = (e: SubmitEvent) => {
		const target = e.target;
		if (!(target instanceof HTMLFormElement) || target === form || new URL(target.action, location.href).pathname !== '/language') return;
		const draft: Record<string, string> = {};
		for (const [name, value] of new FormData(form)) {
			if (typeof value !== 'string' || SKIP.has(name)) continue;
			draft[name] = name in draft ? `${draft[name]},${value}` : value;
		}
		// No language ticked is an answer too, not "use the default".
		draft.languages ??= '';
		try {
			sessionStorage.setItem(key(location.pathname), JSON.stringify(draft));
		} catch {
			// Storage refused (private mode, full): the language still switches.
		}
	};
	document.addEventListener('submit', onSubmit);
	return () => document.removeEventListener('submit', onSubmit);
}

/** The draft kept for this page, removed as it is read; null when there is none. */
export function takeDraft(): Record<string, string> | null {
	try {
		const raw = sessionStorage.getItem(key(location.pathname));
		if (raw === null) return null;
		sessionStorage.removeItem(key(location.pathname));
		const parsed: unknown = JSON.parse(raw);
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
		return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
	} catch {
		return null;
	}
}

/**
 * Puts the draft's text back into the typed fields. Checked boxes, chosen options and the map point
 * follow the form's values; text fields do not, because they only take a value from the page once (so
 * that what someone typed before the page woke up is never overwritten).
 */
export function fillTyped(form: HTMLFormElement, draft: Record<string, string>) {
	for (const el of form.elements) {
		if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || !(el.name in draft)) continue;
		if (el instanceof HTMLInputElement && ['checkbox', 'radio', 'hidden', 'image', 'submit'].includes(el.type)) continue;
		el.value = draft[el.name]!;
	}
}

/**
 * Puts the draft's choices back too (boxes, radios, selects), for a page whose choices are not drawn
 * from the restored values: a question page of "Ask for help", which shows what the server keeps.
 * Only fields the draft names are touched; a box missing from a list the draft names is unticked.
 */
export function fillAll(form: HTMLFormElement, draft: Record<string, string>) {
	fillTyped(form, draft);
	for (const el of form.elements) {
		if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !(el.name in draft)) continue;
		const chosen = draft[el.name]!.split(',');
		if (el instanceof HTMLSelectElement) el.value = draft[el.name]!;
		else if (el.type === 'checkbox' || el.type === 'radio') el.checked = chosen.includes(el.value);
	}
}
