package io.bankflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules of CONVENTIONS.md, the same for every service. A service's test scopes them to its own base
 * package:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.bankflow.sync", importOptions = ImportOption.DoNotIncludeTests.class)
 * class SyncArchitectureTest {
 *     @ArchTest
 *     static final ArchTests serviceRules = ArchTests.in(ServiceArchitectureRules.class);
 * }
 * }</pre>
 *
 * Empty packages pass ({@code allowEmptyShould}) until features fill them; the rules then hold from the first class on.
 */
public final class ServiceArchitectureRules {

    private ServiceArchitectureRules() {}

    @ArchTest
    public static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "org.hibernate..",
                    "org.apache.kafka..",
                    "org.apache.avro..",
                    "io.bankflow.events..",
                    "io.bankflow.kafkaevents..",
                    "io.bankflow.httpapi..",
                    "com.fasterxml.jackson..",
                    "tools.jackson..")
            .as("domain packages hold the rules in plain Java: no Spring, JPA, Kafka, Avro or Jackson")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule domainDependsOnNothingOutside = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..application..", "..adapter..")
            .as("domain packages do not know the use cases or adapters built around them")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule avroStaysInKafkaAdapters = noClasses()
            .that()
            .resideOutsideOfPackage("..adapter..kafka..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.bankflow.events..", "org.apache.avro..")
            .as("Avro types (generated events, org.apache.avro) are used only in adapter.in.kafka / adapter.out.kafka")
            .allowEmptyShould(true);
}
