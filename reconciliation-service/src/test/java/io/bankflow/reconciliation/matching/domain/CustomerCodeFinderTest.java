package io.bankflow.reconciliation.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.reconciliation.expectedpayments.domain.CustomerCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerCodeFinderTest {

    static final CustomerCode CODE = new CustomerCode("CUS00012345");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CUS00012345",
                "Invoice 2026-11 CUS00012345 thanks",
                "cus00012345",
                "Cus00012345",
                "CUS 0001 2345",
                "CUS-0001-2345",
                "CUS-00012345",
                "CUS0001 2345",
                "ref:CUS00012345/inv 7",
                "(CUS00012345)",
                "CUS00012345.",
                "line one\nCUS00012345\nline two"
            })
    void findsACodeWrittenTheWaysPayersWriteIt(String text) {
        assertThat(CustomerCodeFinder.findIn(text)).containsExactly(CODE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CUS0001234",
                "CUS000123456",
                "XCUS00012345",
                "1CUS00012345",
                "CUS00012345A",
                "CUS_00012345",
                "CUS  00012345",
                "CUS 00 01 23 45",
                "CUS.0001.2345",
                "CUS/00012345",
                "CUSTOMER 00012345",
                "00012345",
                "CUS００012345",
                ""
            })
    void findsNothingWhereNoWordIsCusFollowedByEightDigits(String text) {
        assertThat(CustomerCodeFinder.findIn(text)).isEmpty();
    }

    @Test
    void findsNothingInNoText() {
        assertThat(CustomerCodeFinder.findIn(null)).isEmpty();
        assertThat(CustomerCodeFinder.findIn(null, null)).isEmpty();
    }

    @Test
    void findsEveryDistinctCodeOnceInCanonicalOrder() {
        assertThat(CustomerCodeFinder.findIn("CUS00000002 and cus 0000 0001, again CUS-0000-0002"))
                .containsExactly(new CustomerCode("CUS00000001"), new CustomerCode("CUS00000002"));
    }

    @Test
    void combinesRemittanceInformationAndStructuredReference() {
        assertThat(CustomerCodeFinder.findIn("paid CUS00000001", "CUS00000002"))
                .containsExactly(new CustomerCode("CUS00000001"), new CustomerCode("CUS00000002"));
    }
}
