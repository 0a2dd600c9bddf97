package io.bankflow.httpapi.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a caller may do beyond reading its own organisation's data, granted by the issuer in the token's {@code roles}
 * claim (DESIGN.md section 4, ADR 0002).
 *
 * <p>Claim values are the lower-case names ({@code "finance"}, {@code "admin"}) and are matched exactly; values this
 * enum does not know are ignored, so an issuer may carry roles of other applications in the same claim.
 */
public enum Role {
    /** Works with money: confirms matches, works the review queue, imports statements. */
    FINANCE("finance"),
    /** Manages the organisation's set-up: connections, accounts, webhook endpoints. */
    ADMIN("admin");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** @return the value of this role in the {@code roles} claim, e.g. {@code "finance"} */
    public String claimValue() {
        return claimValue;
    }

    /**
     * The roles a {@code roles} claim grants: a JSON array of strings, or (as some issuers write it) one string of
     * names separated by spaces or commas.
     */
    static Set<Role> fromClaim(@Nullable Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> add(roles, value));
        } else if (claim instanceof String value) {
            for (String part : value.split("[\\s,]+")) {
                add(roles, part);
            }
        }
        return roles;
    }

    private static void add(Set<Role> roles, @Nullable Object value) {
        if (value instanceof String name) {
            for (Role role : values()) {
                if (role.claimValue.equals(name)) {
                    roles.add(role);
                }
            }
        }
    }
}
