package io.bankflow.httpapi.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.httpapi.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aCursorDecodesToThePositionItWasMadeFromToTheMicrosecond() {
        Instant createdAt = Instant.parse("2026-11-21T07:54:15.123456Z");
        UUID id = UUID.randomUUID();

        PageCursors.Position position = PageCursors.decode(PageCursors.encode(createdAt, id));

        assertThat(position).isEqualTo(new PageCursors.Position(createdAt, id));
    }

    @Test
    void rejectsTextThatIsNotACursorAsAnInvalidCursorParameter() {
        String otherVersion = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v0:1:" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));

        for (String notACursor : new String[] {"", "%%%", "dj06", otherVersion}) {
            assertThatThrownBy(() -> PageCursors.decode(notACursor))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("cursor");
        }
    }

    /** A store's own position type, as ports declare them. */
    record StorePosition(Instant createdAt, UUID id) {}

    @Test
    void afterGivesTheStoresPositionOrNullForTheFirstPage() {
        Instant at = Instant.parse("2026-11-21T10:15:30.123456Z");
        UUID id = UUID.randomUUID();

        assertThat(PageCursors.after(PageCursors.encode(at, id), StorePosition::new))
                .isEqualTo(new StorePosition(at, id));
        assertThat(PageCursors.after(null, StorePosition::new)).isNull();
        assertThatThrownBy(() -> PageCursors.after("not-a-cursor", StorePosition::new))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void usesFiftyWhenNoLimitIsGivenAndAcceptsOneToOneHundred() {
        assertThat(PageSizes.resolve(null)).isEqualTo(PageSizes.DEFAULT).isEqualTo(50);
        assertThat(PageSizes.resolve(1)).isEqualTo(1);
        assertThat(PageSizes.resolve(100)).isEqualTo(100);
    }

    @Test
    void rejectsALimitOutsideOneToOneHundred() {
        assertThatThrownBy(() -> PageSizes.resolve(0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> PageSizes.resolve(101))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("limit");
    }
}
