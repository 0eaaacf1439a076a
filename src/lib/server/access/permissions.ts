import type { Role } from './roles.ts';

// THE permission registry: every verb names one of these. `signedIn` permissions are held by any
// account (its own settings), whatever its roles. Labels live in messages/ as perm_<name with _>.
type Permission = { roles: readonly Role[]; signedIn?: true; write: boolean };

const STAFF = ['facilitator', 'outreach', 'coordinator'] as const;

export const PERMISSIONS = {
	'account.read': { roles: [], signedIn: true, write: false },
	'account.self': { roles: [], signedIn: true, write: true },
	'admin.organisation.manage': { roles: ['admin'], write: true },
	'admin.area.manage': { roles: ['admin'], write: true },
	'admin.role.grant': { roles: ['admin'], write: true },
	'admin.user.read': { roles: ['admin'], write: false },
	'audit.read': { roles: ['admin'], write: false },
	'mail.outbox.read': { roles: ['admin'], write: false },
	'people.person.register': { roles: [...STAFF, 'admin'], write: true },
	'people.person.read': { roles: [...STAFF, 'admin'], write: false },
	'people.person.link_account': { roles: ['facilitator', 'coordinator', 'admin'], write: true },
	// Mutual aid. Residents and volunteers act on their own needs, offers and links; staff broker.
	'aid.own.read': { roles: ['resident', 'volunteer'], write: false },
	'aid.own.write': { roles: ['resident', 'volunteer'], write: true },
	// An account that signed up alone becomes a resident of a neighbourhood it chooses (unreviewed: what
	// it says waits for that neighbourhood's facilitators). The verb refuses anyone who holds a role.
	'aid.own.join': { roles: [], signedIn: true, write: true },
	'aid.need.read': { roles: [...STAFF, 'admin'], write: false },
	'aid.need.write': { roles: ['facilitator', 'outreach', 'admin'], write: true },
	'aid.link.manage': { roles: ['facilitator', 'admin'], write: true },
	// The rule: a facilitator checks the certificate (coordinators manage, they do not vouch).
	'aid.certificate.check': { roles: ['facilitator', 'admin'], write: true },
	'aid.office_hours.manage': { roles: ['facilitator', 'coordinator', 'admin'], write: true },
	// Switching a neighbourhood's public, anonymous needs board on or off (scoped to the area).
	'aid.board.manage': { roles: ['facilitator', 'coordinator', 'admin'], write: true },
	// Aggregates only, small groups suppressed: no personal data.
	'aid.reach.read': { roles: ['coordinator', 'officer', 'admin'], write: false },
	'areas.area.read': {
		roles: ['resident', 'volunteer', ...STAFF, 'officer', 'jury', 'expert', 'admin'],
		signedIn: true,
		write: false
	}
} as const satisfies Record<string, Permission>;

export type PermissionName = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as PermissionName[];
