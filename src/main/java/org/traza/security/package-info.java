/**
 * Security: users with PBKDF2 password hashes (Jakarta Security), login that issues signed bearer
 * tokens in the MicroProfile JWT format, lockout after repeated failures, and the role policy that
 * every endpoint declares with {@code @RolesAllowed} or {@code @PermitAll}.
 *
 * <p>Invariants: no default password exists; a token is honoured only while its user is enabled,
 * and the user's current roles (not the token's) decide; the last enabled administrator cannot be
 * disabled or lose the ADMIN role. Publishes {@code ActionPerformed} for logins and user changes.
 */
package org.traza.security;
