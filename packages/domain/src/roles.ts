/** The four roles of the product. A person may hold several (Cognito groups on AWS, signed claims locally). */
export const ROLES = ['learner', 'trainer', 'hr', 'lab'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who is calling, as established by the authorizer. Scope attributes narrow object-level access. */
export interface Principal {
  userId: string;
  roles: Role[];
  email?: string;
  /** The learner's own service (e.g. `drfip`). */
  service?: string;
  /** For HR: the services whose people they may see. */
  hrServices?: string[];
  /** Preferred language for what the user reads. */
  locale: Locale;
}

export type Locale = 'fr' | 'en';

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((r) => principal.roles.includes(r));
}
