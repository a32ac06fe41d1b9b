package com.zywa.cardstatus.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The processor's two features meet only on the {@code card.status} topic: the topology folds and publishes, the
 * projection writes what was published; the reason mapping reaches the topology only through its interface. What each
 * may use, checked on every build.
 */
@AnalyzeClasses(packages = "com.zywa.cardstatus.processor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String TOPOLOGY = "com.zywa.cardstatus.processor.topology..";
    private static final String PROJECTION = "com.zywa.cardstatus.processor.projection..";

    @ArchTest
    static final ArchRule topologyDoesNotUseProjection = noClasses()
            .that()
            .resideInAPackage(TOPOLOGY)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(PROJECTION)
            .because("the topology has no side effects: it publishes card.status, which the projection reads");

    @ArchTest
    static final ArchRule projectionDoesNotUseTopologyOrFold = noClasses()
            .that()
            .resideInAPackage(PROJECTION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TOPOLOGY, "com.zywa.cardstatus.fold..")
            .because("the projection writes the status the topology published, and never folds events itself");

    @ArchTest
    static final ArchRule topologyDoesNotReadTheMappingFile = noClasses()
            .that()
            .resideInAPackage(TOPOLOGY)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.zywa.cardstatus.processor.reasons..")
            .because("the topology gets the mapping in force through FoldReasons; reading and watching its file, "
                    + "and the metrics, are side effects that stay outside it");

    @ArchTest
    static final ArchRule onlyProjectionTouchesTheDatabase = noClasses()
            .that()
            .resideOutsideOfPackage(PROJECTION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.springframework.boot.jdbc..")
            .because("the projection is the one writer of card_status");
}
