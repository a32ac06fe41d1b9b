package com.zywa.cardstatus.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The ingest's features (uploads, partner events, the console, the drop folder, retention) share the row rules of
 * partner-formats and the publisher, and keep their tables to themselves. What each may use, checked on every build.
 */
@AnalyzeClasses(packages = "com.zywa.cardstatus.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule repositoriesAreTheirFeaturesOwn = classes()
            .should(useNoRepositoryOfAnotherPackage())
            .because("a feature's table is read and written through its own service, which keeps its rules "
                    + "(a controller or the console reaching another feature's repository would skip them)");

    @ArchTest
    static final ArchRule partnerEventsDoNotUseUploads = noClasses()
            .that()
            .resideInAPackage("..ingest.events..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..ingest.upload..")
            .because("partner events and uploads share the row rules (partner-formats) and the publisher, "
                    + "nothing of each other");

    @ArchTest
    static final ArchRule featuresWithoutTablesDoNotTouchTheDatabase = noClasses()
            .that()
            .resideInAnyPackage(
                    "..ingest.events..",
                    "..ingest.console..",
                    "..ingest.dropfolder..",
                    "..ingest.publish..",
                    "..ingest.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.springframework.boot.jdbc..")
            .because("only uploads (their reports), retention and the instance lock keep anything in PostgreSQL; "
                    + "the phones' keys are PhoneVault's (service-support)");

    private static ArchCondition<JavaClass> useNoRepositoryOfAnotherPackage() {
        return new ArchCondition<>("use no repository of another package") {
            @Override
            public void check(JavaClass user, ConditionEvents events) {
                for (Dependency dependency : user.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.getPackageName().startsWith("com.zywa.cardstatus.")
                            && target.getSimpleName().endsWith("Repository")
                            && !target.getPackageName().equals(user.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
