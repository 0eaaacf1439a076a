import { z } from 'zod';
import { line } from '../core/index.ts';
import { erasePerson, exportPerson, type PersonExport } from '../rights/index.ts';
import { operation, type Operation } from './operation.ts';

// A person's rights through /api/v1: the export (art. 15/20) and the erasure (art. 17). The export's
// rows are the tables' own rows (snake_case columns, as PostgreSQL stores them), so its record schema
// is open: a table added by a later module appears in it without a change here.

const row = z
	.record(z.string(), z.unknown())
	.describe('One stored row, its columns as the database names them (secrets such as token hashes left out).');

const consultationEntry = z
	.object({
		id: z.number().int(),
		at: z.iso.datetime().describe('When (UTC).'),
		actor: z
			.string()
			.nullable()
			.describe('The name of who read or changed the record; `system` for Wijkweb itself; null for an account since erased.'),
		roles: z
			.string()
			.nullable()
			.describe('The roles that person holds in the record’s organisation, comma-separated (the audit row does not record the role at the time).'),
		action: z.string().describe('read, create, update, delete, sign_in or revoke.'),
		entity: z.string().describe('The table of the record concerned.'),
		entityId: z.string().nullable(),
		reason: z.string().nullable().describe('The reason given, when one was.')
	})
	.meta({ id: 'ConsultationEntry' });

const exportResponse = z
	.object({
		format: z.literal('wijkweb-person-export'),
		version: z.literal(1),
		exportedAt: z.iso.datetime(),
		personId: z.uuid(),
		recordIds: z.array(z.uuid()).describe('This record and every record merged into it.'),
		person: row,
		records: z.record(z.string(), z.array(row)).describe('Per table: every row that references the person (found from the database’s foreign keys).'),
		related: z
			.record(z.string(), z.array(row))
			.describe('Rows reached through those: links of their needs and offers, feedback on them, households, the consent texts agreed to.'),
		account: z
			.object({ user: row, sessions: z.array(row), logins: z.array(row), apiTokens: z.array(row) })
			.nullable()
			.describe('The person’s Wijkweb account, if any.'),
		consultationLog: z.array(consultationEntry).describe('Every audit row about the person, newest first.')
	})
	.meta({ id: 'PersonExport', description: 'Everything Wijkweb holds about one person. The read is audited.' });

const eraseRequest = z
	.object({ reason: line(3, 500).describe('Why the person is erased: kept in the audit row. No personal details.') })
	.meta({ id: 'EraseRequest' });

const eraseResponse = z
	.object({
		id: z.uuid(),
		erased: z.literal(true),
		records: z.number().int().describe('Rows changed or removed.'),
		accountDeleted: z.boolean().describe('The person’s account was deleted (and so signed out everywhere).')
	})
	.meta({ id: 'Erasure' });

type Erased = Awaited<ReturnType<typeof erasePerson>>;

export const RIGHTS_OPERATIONS: Operation[] = [
	operation({
		method: 'get',
		path: '/people/{id}/export',
		operationId: 'exportPerson',
		summary: 'Everything held about a person in the caller’s scope (anything else is a 404), with the consultation log; the read is audited',
		verb: exportPerson,
		response: exportResponse,
		respond: (x: PersonExport) => x
	}),
	operation({
		method: 'post',
		path: '/people/{id}/erase',
		operationId: 'erasePerson',
		summary:
			'Erase a person in the caller’s scope: personal fields, notes and free texts removed, the account deleted; anonymous rows kept so figures stay the same',
		verb: erasePerson,
		request: eraseRequest,
		response: eraseResponse,
		respond: (x: Erased) => x
	})
];
