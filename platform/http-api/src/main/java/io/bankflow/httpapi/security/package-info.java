/**
 * Authentication and tenancy for the servlet services: every request needs a bearer JWT from the configured issuer
 * that names an organisation ({@code org_id}), except a few public paths; controllers receive the caller as a {@link
 * io.bankflow.httpapi.security.Caller} and check roles with {@link io.bankflow.httpapi.security.Caller#require}.
 * Applied by {@link io.bankflow.httpapi.security.HttpApiSecurityAutoConfiguration}.
 */
@NullMarked
package io.bankflow.httpapi.security;

import org.jspecify.annotations.NullMarked;
