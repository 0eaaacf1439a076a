import { self as sw } from '$app/service-worker';
import { immutable, assets as staticFiles } from '$app/manifest';
import { version } from '$app/env';

// The street log works offline (issue 14): the app's built files and static files are cached at
// install, and the street page itself network-first with the cache as fallback, so a reload with no
// network still shows it. Nothing else is cached: every other page needs the network and shows
// current data. The contacts themselves wait in IndexedDB (lib/fieldwork/street-queue.ts), not here.
// Signing out removes the cached street page (see the fetch handler).

const CACHE = `wijkweb-${version}`;
const ASSETS = [...immutable, ...staticFiles].map((f) => `/${f.path.replace(/^\//, '')}`);
const OFFLINE_PAGES = ['/fieldwork/street'];
const assets = new Set(ASSETS);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// One by one: a single file the server will not give (a file left out of the deployment) must
			// not make the whole install fail, which would leave the street page without its offline copy.
			await Promise.all(ASSETS.map((a) => cache.add(a).catch(() => console.warn('not cached', a))));
			// The page with the session's cookie (same origin): a phone that opened it once has it offline.
			await Promise.all(OFFLINE_PAGES.map((p) => cache.add(p).catch(() => undefined)));
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// Signing out forgets the cached street page (it was made for this worker's session), so a phone
	// handed on shows nobody's page offline. The queue of unsent contacts stays in IndexedDB: signing
	// in again sends it, nothing typed is lost. The request itself goes to the network untouched.
	if (request.method === 'POST' && url.pathname === '/sign-out') {
		event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(OFFLINE_PAGES.map((p) => cache.delete(p)))));
		return;
	}
	if (request.method !== 'GET') return;
	if (assets.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	if (request.mode === 'navigate' && OFFLINE_PAGES.includes(url.pathname)) {
		event.respondWith(
			(async () => {
				const cache = await caches.open(CACHE);
				try {
					const response = await fetch(request);
					// Only the page itself (not a redirect to sign-in, not an error) replaces the cached copy.
					if (response.ok && !response.redirected) await cache.put(url.pathname, response.clone());
					return response;
				} catch {
					return (await cache.match(url.pathname)) ?? Response.error();
				}
			})()
		);
	}
});
