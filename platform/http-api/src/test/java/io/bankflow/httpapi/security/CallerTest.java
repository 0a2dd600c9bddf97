package io.bankflow.httpapi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void readsRolesFromAnArrayOrAStringIgnoringUnknownOnes() {
        assertThat(Role.fromClaim(List.of("finance", "admin", "uma_authorization")))
                .containsExactlyInAnyOrder(Role.FINANCE, Role.ADMIN);
        assertThat(Role.fromClaim("admin,finance")).containsExactlyInAnyOrder(Role.FINANCE, Role.ADMIN);
        assertThat(Role.fromClaim("admin")).containsExactly(Role.ADMIN);
        assertThat(Role.fromClaim(null)).isEmpty();
        assertThat(Role.fromClaim(42)).isEmpty();
    }

    @Test
    void matchesRoleNamesExactly() {
        assertThat(Role.fromClaim(List.of("ADMIN", "Finance", " admin"))).isEmpty();
    }

    @Test
    void requireLetsACallerWithTheRoleThrough() {
        Caller caller = new Caller("acme-industries", "acme-erp", Set.of(Role.FINANCE));

        caller.require(Role.FINANCE);

        assertThat(caller.hasRole(Role.FINANCE)).isTrue();
        assertThat(caller.hasRole(Role.ADMIN)).isFalse();
    }

    @Test
    void requireRefusesACallerWithoutTheRoleWith403() {
        Caller caller = new Caller("acme-industries", "acme-readonly", Set.of());

        assertThatThrownBy(() -> caller.require(Role.ADMIN))
                .isInstanceOfSatisfying(ForbiddenException.class, forbidden -> {
                    assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
                    assertThat(forbidden.getBody().getType()).hasToString("https://bankflow.io/problems/forbidden");
                    assertThat(forbidden.getBody().getProperties()).containsEntry("requiredRole", "admin");
                });
    }

    @Test
    void requireAnyOfLetsACallerWithOneOfTheRolesThroughAndRefusesOthersWith403() {
        Caller admin = new Caller("acme-industries", "acme-admin", Set.of(Role.ADMIN));
        Caller none = new Caller("acme-industries", "acme-readonly", Set.of());

        admin.requireAnyOf(Role.FINANCE, Role.ADMIN);
        assertThatThrownBy(() -> none.requireAnyOf(Role.FINANCE, Role.ADMIN))
                .isInstanceOfSatisfying(ForbiddenException.class, forbidden -> {
                    assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
                    assertThat(forbidden.getBody().getDetail())
                            .isEqualTo("This operation requires the 'finance' or 'admin' role.");
                });
    }

    @Test
    void rolesCannotBeChangedAfterwards() {
        Set<Role> granted = EnumSet.of(Role.FINANCE);
        Caller caller = new Caller("acme-industries", "acme-erp", granted);

        granted.add(Role.ADMIN);

        assertThat(caller.roles()).containsExactly(Role.FINANCE);
        assertThatThrownBy(() -> caller.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anOrganisationIsMandatory() {
        assertThatThrownBy(() -> new Caller(" ", "acme-erp", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
