package io.bankflow.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules of CONVENTIONS.md. Empty packages pass ({@code allowEmptyShould}) until features fill them; the
 * rules then hold from the first class on.
 */
@AnalyzeClasses(packages = "io.bankflow.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class SyncArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("io.bankflow.sync..domain..")
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
    static final ArchRule domainDependsOnNothingOutside = noClasses()
            .that()
            .resideInAPackage("io.bankflow.sync..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.bankflow.sync..application..", "io.bankflow.sync..adapter..")
            .as("domain packages do not know the use cases or adapters built around them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule avroStaysInKafkaAdapters = noClasses()
            .that()
            .resideOutsideOfPackage("io.bankflow.sync..adapter..kafka..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.bankflow.events..", "org.apache.avro..")
            .as("Avro types (generated events, org.apache.avro) are used only in adapter.in.kafka / adapter.out.kafka")
            .allowEmptyShould(true);
}
