package com.zywa.cardstatus.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lookup's controller answers through its rules; the unmapped reasons list has none and reads its repository; only
 * repositories touch the database.
 */
@AnalyzeClasses(packages = "com.zywa.cardstatus.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersGoThroughTheLookup = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .and()
            .resideInAPackage("com.zywa.cardstatus.api.lookup..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .because("CardLookup holds the lookup's rules (a phone in any form, a valid card ID, a card that matches "
                    + "its phone): a controller that read the repository itself would skip them");

    @ArchTest
    static final ArchRule onlyTheRepositoryTouchesTheDatabase = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Repository")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.springframework.boot.jdbc..")
            .because("the API reads card_status through its repositories, whose queries the processor's schema "
                    + "(and indexes) serve");
}
