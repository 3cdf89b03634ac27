/** Roles and the small questions every access function asks about a user. */
export const ROLES = [
  { value: 'admin', label: '系统管理员' },
  { value: 'kb-admin', label: '热线知识库管理员' },
  { value: 'unit-editor', label: '单位编辑' },
  { value: 'unit-reviewer', label: '单位审核员' },
  { value: 'agent', label: '话务员' },
  { value: 'supervisor', label: '督办员' },
  { value: 'dispatcher', label: '派单员' },
  { value: 'unit-handler', label: '单位承办人' },
] as const

export type Role = (typeof ROLES)[number]['value']

/** Roles that act for one organizer unit and so must belong to one. */
export const UNIT_ROLES: readonly Role[] = ['unit-editor', 'unit-reviewer', 'unit-handler']
/** Unit roles that maintain their unit's knowledge and so see its drafts (not its handlers). */
export const KNOWLEDGE_UNIT_ROLES: readonly Role[] = ['unit-editor', 'unit-reviewer']
/** Hotline staff who run the knowledge base across all units. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'kb-admin']
/** Roles that read every published entry, internal ones included, and write none. */
export const READER_ROLES: readonly Role[] = ['agent', 'supervisor']

/** A relationship as Payload returns it: the id at depth 0, the document when populated, or nothing. */
export type RelationValue<Id extends string | number = string | number> = Id | { id: Id } | null | undefined

export type AccessUser = {
  id: string | number
  roles?: Role[] | null
  unit?: RelationValue
  collection?: string
}

export const hasRole = (user: AccessUser | null | undefined, ...roles: readonly Role[]): boolean =>
  Boolean(user?.roles?.some((r) => roles.includes(r)))

export const isStaff = (user: AccessUser | null | undefined): boolean => hasRole(user, ...STAFF_ROLES)

export const relationId = <Id extends string | number>(value: RelationValue<Id>): Id | undefined =>
  value && typeof value === 'object' ? value.id : (value ?? undefined)

/** The unit a unit-role user acts for, or undefined for everyone else. */
export const actingUnitId = (user: AccessUser | null | undefined): string | number | undefined =>
  hasRole(user, ...UNIT_ROLES) ? relationId(user?.unit) : undefined
