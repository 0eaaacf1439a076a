export { ROLES, type Role } from './roles.ts';
export { PERMISSIONS, PERMISSION_NAMES, type PermissionName } from './permissions.ts';
export { can, requirePermission, readScope, type ReadScope } from './can.ts';
export { loadActor } from './actor.ts';
export { grantRoleInput, revokeRoleInput } from './validation.ts';
export { grantRole, revokeRole, listGrants, listAudit } from './service.ts';
export { accessRoleGrant } from './schema.ts';
