package io.bankflow.httpapi.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the organisation (tenant) the access token acts for, the OAuth2 client and its roles, taken from the
 * validated JWT. A controller gets it by declaring a parameter of this type:
 *
 * <pre>{@code
 * @PostMapping("/api/banking/webhook-endpoints")
 * EndpointResponse create(Caller caller, @Valid @RequestBody CreateEndpoint request) {
 *     caller.require(Role.ADMIN);
 *     return createEndpoint.create(caller.orgId(), request);
 * }
 * }</pre>
 *
 * <p>Every query is scoped to {@link #orgId()}; another organisation's object answers 404 ({@link
 * io.bankflow.httpapi.NotFoundException}), never 403, so that ids cannot be probed (ADR 0002).
 *
 * @param orgId the organisation (tenant), from the {@code org_id} claim; never blank
 * @param clientId the OAuth2 client, from the {@code client_id} claim, else {@code sub}; for audit records
 * @param roles the Bankflow roles granted by the {@code roles} claim; unmodifiable, possibly empty
 */
public record Caller(String orgId, String clientId, Set<Role> roles) {

    public Caller {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(roles, "roles");
        if (orgId.isBlank()) {
            throw new IllegalArgumentException("orgId must not be blank");
        }
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /**
     * @param role a role
     * @return whether the caller has it
     */
    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /**
     * Checks that the caller has a role, for operations that need more than reading the organisation's own data.
     *
     * @param role the role the operation needs
     * @throws ForbiddenException (403 problem+json, type {@code forbidden}) when the caller lacks the role
     */
    public void require(Role role) {
        if (!hasRole(role)) {
            throw ForbiddenException.missingRole(role);
        }
    }

    /**
     * Checks that the caller has at least one of {@code roles}, for writes any of several roles may make (e.g. finance
     * or admin).
     *
     * @throws ForbiddenException (403 problem+json, type {@code forbidden}) when the caller has none of them
     */
    public void requireAnyOf(Role... roles) {
        for (Role role : roles) {
            if (hasRole(role)) {
                return;
            }
        }
        throw new ForbiddenException("This operation requires the "
                + java.util.Arrays.stream(roles)
                        .map(role -> "'" + role.claimValue() + "'")
                        .collect(java.util.stream.Collectors.joining(" or "))
                + " role.");
    }
}
