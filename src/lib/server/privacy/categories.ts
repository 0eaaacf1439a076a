import { DATA_CATEGORIES } from '../people/index.ts';
import { PERMISSIONS, ROLES, type PermissionName, type Role } from '../access/index.ts';

export type DataCategory = (typeof DATA_CATEGORIES)[number];

/**
 * Which permissions READ each category of personal data: what the register of processing lists as
 * "who may access" (GDPR art. 30; for health, the Belgian list of who may see health-related data).
 * Every permission of the registry is either here or in NO_PERSONAL_DATA (categories.test.ts fails
 * otherwise), so a new permission cannot slip into the code without the register saying who reads
 * what through it. A write that shows the record it writes reads it too.
 */
export const CATEGORY_READERS = {
	identity: [
		'people.person.read',
		'people.person.register',
		'people.person.link_account',
		'aid.need.read',
		'aid.need.write',
		'aid.link.manage',
		'aid.certificate.check',
		'aid.office_hours.manage',
		'aid.own.read',
		'admin.user.read',
		'admin.role.grant',
		'audit.read',
		'mail.outbox.read',
		'account.read',
		'people.person.update',
		'people.person.merge',
		'people.person.export',
		'people.person.erase',
		'people.own.export',
		'people.consent.record',
		'people.household.manage',
		'network.partner.read',
		'network.partner.manage',
		'network.relationship.manage',
		'network.assignment.manage',
		'network.map.read',
		'people.own.erasure_request',
		'fieldwork.contact.log',
		'fieldwork.contact.read',
		'fieldwork.question.manage',
		'fieldwork.referral.manage',
		'fieldwork.signal.read',
		'fieldwork.signal.manage',
		// Activities: the checklist and the registrations show participants' names.
		'activities.activity.read',
		'activities.registration.manage',
		'activities.attendance.record',
		// Funding: an application names its applicant and contact person (never shown to the jury).
		'funding.application.read',
		'funding.application.review',
		'funding.grant.manage',
		'funding.own.read',
		'funding.own.write'
	],
	contact: [
		'people.person.read',
		'people.person.register',
		'people.person.link_account',
		'aid.need.read',
		'aid.link.manage',
		'admin.user.read',
		'mail.outbox.read',
		'account.read',
		'people.person.update',
		'people.person.merge',
		'people.person.export',
		'people.own.export',
		'network.partner.read',
		'network.partner.manage',
		'fieldwork.referral.manage',
		// A call-back phone left with "I'm coming".
		'activities.registration.manage',
		// An applicant's e-mail (the decision's mail) and a co-editor's invitation address.
		'funding.application.read',
		'funding.application.review',
		'funding.own.write'
	],
	household: [
		'people.person.read',
		'people.person.update',
		'people.person.merge',
		'people.person.export',
		'people.household.manage',
		'activities.registration.manage',
		'network.map.read',
		'people.own.export'
	],
	origin: [
		'people.person.read',
		'people.person.register',
		'people.person.update',
		'people.person.merge',
		'people.person.export',
		'people.own.export'
	],
	languages: [
		'people.person.read',
		'people.person.register',
		'aid.need.read',
		'aid.link.manage',
		'people.person.update',
		'people.person.merge',
		'people.person.export',
		'people.own.export'
	],
	relationships: [
		'people.person.read',
		'people.person.merge',
		'people.person.export',
		'network.partner.read',
		'network.relationship.manage',
		'network.assignment.manage',
		'network.map.read',
		'people.own.export'
	],
	// Free texts of needs, offers and links: what people tell about their situation.
	notes: [
		'aid.need.read',
		'aid.need.write',
		'aid.link.manage',
		'aid.own.read',
		'people.person.export',
		'network.relationship.manage',
		'people.own.export',
		'fieldwork.note.read',
		'fieldwork.question.manage',
		'fieldwork.referral.manage',
		'fieldwork.signal.manage'
	],
	photos: [],
	health: []
} as const satisfies Record<DataCategory, readonly PermissionName[]>;

/** Permissions that read no personal data: settings, aggregates with small groups suppressed, own writes. */
export const NO_PERSONAL_DATA = [
	// Programmes and calls are rules, not people; a juror reads an application without its contact data
	// and scores it (the project's texts, budget and the applicant's organisation name).
	'funding.programme.read',
	'funding.programme.manage',
	'funding.jury.read',
	'funding.jury.score',
	'account.self',
	'admin.organisation.manage',
	'admin.area.manage',
	'people.organisation.theme',
	'aid.own.write',
	'aid.own.join',
	'aid.board.manage',
	'aid.reach.read',
	'areas.area.read',
	'privacy.register.read',
	// The organisation's purposes and their texts: configuration, not people.
	'people.purpose.manage',
	// Fieldwork figures: counts only, groups under 5 shown as "<5" (stats/).
	'fieldwork.figures.read',
	// Activity reach and indicators: counts only, small groups suppressed; definitions are configuration.
	'activities.activity.manage',
	'activities.reach.read',
	'indicators.indicator.read',
	'indicators.indicator.manage',
	'indicators.value.record'
] as const satisfies readonly PermissionName[];

export type Reader = { role: Role; ownOnly: boolean };

/**
 * The roles that read a category, from the permission registry: a role whose every permission for it
 * reaches only the actor's own records (scope 'own', or any account's own settings) reads "only their
 * own". A permission any account holds is shown as every role's own.
 */
export function readersOf(category: DataCategory): Reader[] {
	const roles = new Map<Role, boolean>();
	for (const name of CATEGORY_READERS[category] as readonly PermissionName[]) {
		const rule = PERMISSIONS[name];
		const own = rule.scope === 'own' || ('signedIn' in rule && rule.signedIn === true);
		const holders: readonly Role[] = 'signedIn' in rule && rule.signedIn ? ROLES : rule.roles;
		for (const role of holders) roles.set(role, (roles.get(role) ?? true) && own);
	}
	return ROLES.filter((r) => roles.has(r)).map((role) => ({ role, ownOnly: roles.get(role)! }));
}
