package io.bankflow.sync;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.bankflow.architecture.ServiceArchitectureRules;

/** The layering rules every service keeps (CONVENTIONS.md), applied to this service's classes. */
@AnalyzeClasses(packages = "io.bankflow.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class SyncArchitectureTest {

    @ArchTest
    static final ArchTests serviceRules = ArchTests.in(ServiceArchitectureRules.class);
}
