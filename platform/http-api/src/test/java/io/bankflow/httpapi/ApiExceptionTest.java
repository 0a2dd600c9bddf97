package io.bankflow.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    @Test
    void addsExtensionMembersButNeverRedefinesAStandardOne() {
        ConflictException conflict = new ConflictException("Payment 1 is already confirmed.");

        conflict.withProperty("paymentId", "1");

        assertThat(conflict.getBody().getProperties()).containsEntry("paymentId", "1");
        for (String standard : new String[] {"type", "title", "status", "detail", "instance"}) {
            assertThatThrownBy(() -> conflict.withProperty(standard, "PENDING"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(standard);
        }
        assertThat(conflict.getBody().getStatus()).isEqualTo(409);
    }
}
