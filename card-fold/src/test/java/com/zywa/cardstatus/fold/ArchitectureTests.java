package com.zywa.cardstatus.fold;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The fold is plain Java: what it may not use, checked on every build. */
@AnalyzeClasses(packages = "com.zywa.cardstatus.fold", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule foldUsesNoFrameworkKafkaServletOrDatabase = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "jakarta.servlet..",
                    "javax.servlet..",
                    "java.sql..",
                    "javax.sql..")
            .because("the fold runs unchanged in the processor's topology, the bench and the tests, "
                    + "so it is plain Java over card-contract's records");
}
