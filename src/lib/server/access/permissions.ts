import type { Role } from './roles.ts';

// THE permission registry: every verb names one of these. `signedIn` permissions are held by any
// account (its own settings), whatever its roles. Labels live in messages/ as perm_<name with _>.
// `scope` is required so that a new permission has to say what it is checked against:
// - 'place': a record's organisation and area (access/scope.ts `covers`); `can` needs the record;
// - 'own': the actor's own records, which the verb finds by the actor's person, not by a place;
// - 'instance': no record — the account's own settings, names anyone may see, or admin-only work
//   (an admin covers every place anyway).
// No permission is checked against a place while not bound to an organisation: a record without one
// is covered by admins only.
// `sensitive`: it reads people's sensitive fields or notes, so the runner lets staff roles use it only
// with a second factor (access/second-factor.ts; TWO_FACTOR in the README). Mark a permission here and
// every verb that names it is gated.
type Permission = { roles: readonly Role[]; signedIn?: true; sensitive?: true; write: boolean; scope: 'place' | 'own' | 'instance' };

const STAFF = ['facilitator', 'outreach', 'coordinator'] as const;

export const PERMISSIONS = {
	'account.read': { roles: [], signedIn: true, write: false, scope: 'instance' },
	'account.self': { roles: [], signedIn: true, write: true, scope: 'instance' },
	'admin.organisation.manage': { roles: ['admin'], write: true, scope: 'instance' },
	'admin.area.manage': { roles: ['admin'], write: true, scope: 'instance' },
	'admin.role.grant': { roles: ['admin'], write: true, scope: 'instance' },
	'admin.user.read': { roles: ['admin'], write: false, scope: 'instance' },
	'audit.read': { roles: ['admin'], write: false, scope: 'instance' },
	'mail.outbox.read': { roles: ['admin'], write: false, scope: 'instance' },
	// The organisation's own look (name, accent colour, logo): its org-wide coordinators and admins.
	'people.organisation.theme': { roles: ['coordinator', 'admin'], write: true, scope: 'place' },
	'people.person.register': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'people.person.read': { roles: [...STAFF, 'admin'], sensitive: true, write: false, scope: 'place' },
	'people.person.link_account': { roles: ['facilitator', 'coordinator', 'admin'], write: true, scope: 'place' },
	// Consent per purpose (issue 13, part D): the organisation's purposes are set by its org-wide
	// coordinators and admins (the organisation is the place, with no area); anyone who meets people records answers.
	'people.purpose.manage': { roles: ['coordinator', 'admin'], write: true, scope: 'place' },
	'people.consent.record': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	// Issue 13, the person record (A): correcting a record (GDPR art. 16) and merging two records of one person.
	'people.person.update': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'people.person.merge': { roles: ['facilitator', 'coordinator', 'admin'], write: true, scope: 'place' },
	// Mutual aid. Residents and volunteers act on their own needs, offers and links; staff broker.
	'aid.own.read': { roles: ['resident', 'volunteer'], write: false, scope: 'own' },
	'aid.own.write': { roles: ['resident', 'volunteer'], write: true, scope: 'own' },
	// An account that signed up alone becomes a resident of a neighbourhood it chooses (unreviewed: what
	// it says waits for that neighbourhood's facilitators). The verb refuses anyone who holds a role.
	'aid.own.join': { roles: [], signedIn: true, write: true, scope: 'instance' },
	'aid.need.read': { roles: [...STAFF, 'admin'], write: false, scope: 'place' },
	'aid.need.write': { roles: ['facilitator', 'outreach', 'admin'], write: true, scope: 'place' },
	'aid.link.manage': { roles: ['facilitator', 'admin'], write: true, scope: 'place' },
	// The rule: a facilitator checks the certificate (coordinators manage, they do not vouch).
	'aid.certificate.check': { roles: ['facilitator', 'admin'], write: true, scope: 'place' },
	'aid.office_hours.manage': { roles: ['facilitator', 'coordinator', 'admin'], write: true, scope: 'place' },
	// Switching a neighbourhood's public, anonymous needs board on or off (scoped to the area).
	'aid.board.manage': { roles: ['facilitator', 'coordinator', 'admin'], write: true, scope: 'place' },
	// Aggregates only, small groups suppressed: no personal data.
	'aid.reach.read': { roles: ['coordinator', 'officer', 'admin'], write: false, scope: 'place' },
	// Retention and the register of processing (issue 13, part E). The register describes processing,
	// not people; an organisation's org-wide coordinators answer for its processing, so they read its
	// register (an area-bound grant does not cover an organisation-wide record), admins every one.
	'privacy.register.read': { roles: ['coordinator', 'admin'], write: false, scope: 'place' },
	// Fieldwork (issue 13, part B): households, partner organisations, ties and worker assignments.
	'people.household.manage': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	// Partners are the organisation's address book, no personal data about residents: every staff role
	// reads it, and the officer too (they follow referrals and funding with the same partners).
	'network.partner.read': { roles: [...STAFF, 'officer', 'admin'], write: false, scope: 'place' },
	'network.partner.manage': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'network.relationship.manage': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'network.assignment.manage': { roles: ['facilitator', 'coordinator', 'admin'], write: true, scope: 'place' },
	// The network map (issue 13, part C): pseudonymised by default; names need people.person.read too.
	'network.map.read': { roles: [...STAFF, 'admin'], write: false, scope: 'place' },
	// A person's rights (issue 13, part G: rights/). Export and erasure are checked against the person's
	// place; a person's own export and erasure request against their own record (any account has one).
	'people.person.export': { roles: ['facilitator', 'coordinator', 'admin'], sensitive: true, write: false, scope: 'place' },
	'people.person.erase': { roles: ['coordinator', 'admin'], write: true, scope: 'place' },
	'people.own.export': { roles: [], signedIn: true, write: false, scope: 'own' },
	'people.own.erasure_request': { roles: [], signedIn: true, write: true, scope: 'own' },
	// Fieldwork II (issue 14). The contact log: its type, date, duration, themes and counts feed the
	// figures; the note is read through fieldwork.note.read only (the author's team, second factor).
	'fieldwork.contact.log': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'fieldwork.contact.read': { roles: [...STAFF, 'admin'], write: false, scope: 'place' },
	// Not admin: notes are the team's, and an admin's grant covers every place.
	'fieldwork.note.read': { roles: [...STAFF], sensitive: true, write: false, scope: 'place' },
	'fieldwork.question.manage': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'fieldwork.referral.manage': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'fieldwork.signal.read': { roles: [...STAFF, 'admin'], write: false, scope: 'place' },
	'fieldwork.signal.manage': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	// Aggregates only, small groups suppressed: for coordinators and the city's programme officers.
	'fieldwork.figures.read': { roles: ['coordinator', 'officer', 'admin'], write: false, scope: 'place' },
	// Activities (issue 15): staff organise and take attendance; reach is aggregates only (stats/).
	'activities.activity.read': { roles: [...STAFF, 'admin'], write: false, scope: 'place' },
	'activities.activity.manage': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'activities.registration.manage': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'activities.attendance.record': { roles: [...STAFF, 'admin'], write: true, scope: 'place' },
	'activities.reach.read': { roles: ['facilitator', 'coordinator', 'officer', 'admin'], write: false, scope: 'place' },
	// Indicators (issue 15): every staff role and the officer read them (a steering group's figures);
	// coordinators define them; whoever holds the figure enters a manual indicator's value.
	'indicators.indicator.read': { roles: [...STAFF, 'officer', 'admin'], write: false, scope: 'place' },
	'indicators.indicator.manage': { roles: ['coordinator', 'admin'], write: true, scope: 'place' },
	'indicators.value.record': { roles: ['facilitator', 'coordinator', 'admin'], write: true, scope: 'place' },
	// Funding (issue 16). A funder's programme officers set programmes and calls (their rules are data),
	// read and review the applications to their organisation's calls and follow the grants; applicants
	// are any account (a neighbourhood group, an association, a city team) acting on the applications
	// they own or co-edit ('own'); jury members read and score only the calls they sit on ('own': the
	// funding_juror table), never the applicants' contact data.
	'funding.programme.read': { roles: ['officer', 'admin'], write: false, scope: 'place' },
	'funding.programme.manage': { roles: ['officer', 'admin'], write: true, scope: 'place' },
	'funding.application.read': { roles: ['officer', 'admin'], write: false, scope: 'place' },
	'funding.application.review': { roles: ['officer', 'admin'], write: true, scope: 'place' },
	'funding.grant.manage': { roles: ['officer', 'admin'], write: true, scope: 'place' },
	'funding.own.read': { roles: [], signedIn: true, write: false, scope: 'own' },
	'funding.own.write': { roles: [], signedIn: true, write: true, scope: 'own' },
	'funding.jury.read': { roles: ['jury'], write: false, scope: 'own' },
	'funding.jury.score': { roles: ['jury'], write: true, scope: 'own' },
	'areas.area.read': {
		roles: ['resident', 'volunteer', ...STAFF, 'officer', 'jury', 'expert', 'admin'],
		signedIn: true,
		write: false,
		scope: 'instance'
	}
} as const satisfies Record<string, Permission>;

export type PermissionName = keyof typeof PERMISSIONS;

/** Permissions checked against a record's place: `can` and `scopeFilter` require one. */
export type ScopedPermission = { [K in PermissionName]: (typeof PERMISSIONS)[K]['scope'] extends 'place' ? K : never }[PermissionName];
export type UnscopedPermission = Exclude<PermissionName, ScopedPermission>;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as PermissionName[];
