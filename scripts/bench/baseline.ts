import { createServer } from 'node:http';
import pg from 'pg';

// The yardstick for `npm run bench`: a bare node:http server answering the same queries from the
// same database as the app, with nothing else (no framework, no auth, no i18n, no HTML rendering).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const AREAS = 'select id, name, city, source from areas_area order by city, name limit 200';
const MIGRATIONS = 'select count(*)::int as migrations from drizzle.__drizzle_migrations';

const server = createServer(async (req, res) => {
	try {
		if (req.url === '/') {
			const { rows } = await pool.query(AREAS);
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(`<!doctype html><ul>${rows.map((r) => `<li>${r.name} ${r.city}</li>`).join('')}</ul>`);
		} else if (req.url === '/healthz') {
			const { rows } = await pool.query(MIGRATIONS);
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ status: 'ok', database: { status: 'up', migrations: rows[0].migrations } }));
		} else if (req.url === '/sign-in') {
			// The app's sign-in page asks the database nothing for an anonymous visitor; neither does this.
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end('<!doctype html><form method="post"><input name="email"><input name="password" type="password"><button>Sign in</button></form>');
		} else {
			res.writeHead(404).end();
		}
	} catch (e) {
		res.writeHead(500).end(String(e));
	}
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
