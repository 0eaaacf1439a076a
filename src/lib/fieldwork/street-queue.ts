// The street log's queue on the phone: contacts saved offline wait in IndexedDB, each with the id
// the phone made (crypto.randomUUID), until the server has answered 200/201 for it. A tiny wrapper
// of our own (four operations) rather than a dependency. Browser only.

export type Queued = { clientId: string; payload: Record<string, unknown>; savedAt: string; refused?: string };
export type Flush = { state: 'done' | 'offline' | 'signin' | 'error'; sent: number };

const DB = 'wijkweb-street';
const STORE = 'queue';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'clientId' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function tx<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	return new Promise<T>((resolve, reject) => {
		const t = db.transaction(STORE, mode);
		const req = work(t.objectStore(STORE));
		t.oncomplete = () => {
			db.close();
			resolve(req.result);
		};
		t.onerror = () => reject(t.error);
	});
}

export async function queued(): Promise<Queued[]> {
	const all = await tx('readonly', (s) => s.getAll() as IDBRequest<Queued[]>);
	return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export const put = (item: Queued) => tx('readwrite', (s) => s.put(item));
export const remove = (clientId: string) => tx('readwrite', (s) => s.delete(clientId));

let running: Promise<Flush> | null = null;

/**
 * Sends what waits, oldest first. Removed only after the server's 200/201; a 401 stops and keeps
 * everything (sign in again); a 4xx for one item marks it refused and goes on; no network or a 5xx
 * stops until the next try. One flush at a time.
 */
export function flush(endpoint: string): Promise<Flush> {
	running ??= (async () => {
		let sent = 0;
		try {
			for (const item of await queued()) {
				if (item.refused) continue;
				let res: Response;
				try {
					res = await fetch(endpoint, {
						method: 'POST',
						headers: { 'content-type': 'application/json', accept: 'application/json' },
						credentials: 'same-origin',
						body: JSON.stringify(item.payload)
					});
				} catch {
					return { state: 'offline', sent } as Flush;
				}
				if (res.status === 200 || res.status === 201) {
					await remove(item.clientId);
					sent += 1;
				} else if (res.status === 401) return { state: 'signin', sent } as Flush;
				else if (res.status >= 400 && res.status < 500) {
					const body = (await res.json().catch(() => ({}))) as { message?: string; fields?: Record<string, string> };
					const detail = [body.message, ...Object.values(body.fields ?? {})].filter(Boolean).join(' ');
					await put({ ...item, refused: detail || String(res.status) });
				} else return { state: 'error', sent } as Flush;
			}
			return { state: 'done', sent } as Flush;
		} finally {
			running = null;
		}
	})();
	return running;
}
