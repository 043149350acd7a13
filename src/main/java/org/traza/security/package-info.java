/**
 * Security: users with PBKDF2 password hashes (Jakarta Security) and canonical usernames, a
 * password policy with a shipped common-password list, login that issues signed bearer tokens in
 * the MicroProfile JWT format, throttling of guesses per client address and account (never a
 * lockout), logout, password change and administrator reset, token revocation, and the role policy
 * that every endpoint declares with {@code @RolesAllowed} or {@code @PermitAll}.
 *
 * <p>Invariants: no default password exists; a token is honoured only while its user is enabled,
 * its jti is not revoked and its generation is the user's current one (a new password, roles,
 * armoury or enabled state ends every earlier token); the user's current roles decide; a user whose
 * password was reset may only change it; the last enabled administrator cannot be disabled or lose
 * the ADMIN role. Publishes {@code ActionPerformed} for logins, logouts, password and user changes.
 */
package org.traza.security;
