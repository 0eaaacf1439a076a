// The export as pages receive it (the server's PersonExport, which components may not import).
type Row = Record<string, unknown>;

export type PersonExportView = {
	exportedAt: string;
	personId: string;
	person: Row;
	records: Record<string, Row[]>;
	related: Record<string, Row[]>;
	account: { user: Row; sessions: Row[]; logins: Row[]; apiTokens: Row[] } | null;
	consultationLog: { id: number; at: string; actor: string | null; roles: string | null; action: string; entity: string }[];
};
