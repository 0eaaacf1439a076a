import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Who did or read what, when, and why. Written in the same transaction as the change it records.
export const coreAudit = pgTable(
	'core_audit',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: text('actor_user_id'),
		actorPersonId: text('actor_person_id'),
		// Assisted use: the facilitator acted for this person.
		onBehalfOfPersonId: text('on_behalf_of_person_id'),
		action: text('action', { enum: ['create', 'update', 'delete', 'read', 'sign_in', 'revoke'] }).notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		reason: text('reason'),
		details: jsonb('details')
	},
	(t) => [index('core_audit_entity_idx').on(t.entity, t.entityId), index('core_audit_actor_idx').on(t.actorUserId)]
);

// Instance settings that must survive restarts, e.g. the generated auth secret of a demo install.
export const coreSetting = pgTable('core_setting', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
