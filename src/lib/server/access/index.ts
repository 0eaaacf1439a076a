export { ROLES, isRole, type Role } from './roles.ts';
export { PERMISSIONS, PERMISSION_NAMES, permissionLabelKey, type PermissionName, type ScopedPermission } from './permissions.ts';
export { permission, inScope, instanceWide } from './door.ts';
export { can, holds, requirePermission } from './can.ts';
export { covers, scopeFilter, grantedAreas, grantedOrganisations, type Place } from './scope.ts';
export { loadActor } from './actor.ts';
export { grantRoleInput, revokeRoleInput } from './validation.ts';
export { grantRole, revokeRole, listGrants, listAudit } from './service.ts';
