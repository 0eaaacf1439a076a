export { ROLES, type Role } from './roles.ts';
export { PERMISSIONS, PERMISSION_NAMES, type PermissionName, type ScopedPermission } from './permissions.ts';
export { permission, inScope, instanceWide } from './door.ts';
export { can, holds, requirePermission } from './can.ts';
export { covers, scopeFilter, grantsHolding, grantedAreas, grantedOrganisations, type Place } from './scope.ts';
export { loadActor } from './actor.ts';
export { mayTurnOffSecondFactor, needsSecondFactor, requireSecondFactor, twoFactorSetting } from './second-factor.ts';
export { grantRoleInput, revokeRoleInput } from './validation.ts';
export { grantRole, revokeRole, listGrants, listAudit } from './service.ts';
// Tables other modules JOIN on (one SQL statement instead of a round trip per row) or the demo seed
// writes; part of this module's public API, so a change to them is a change to its door.
export { accessRoleGrant } from './schema.ts';
