package com.zywa.cardstatus.formats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Reading partner formats is plain Java, and events build on rows: what each package may use, checked on every build. */
@AnalyzeClasses(packages = "com.zywa.cardstatus.formats", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule formatsUseNoFrameworkKafkaServletOrDatabase = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "io.cloudevents.kafka..",
                    "io.cloudevents.http..",
                    "jakarta.servlet..",
                    "javax.servlet..",
                    "java.sql..",
                    "javax.sql..")
            .because("a partner file or event is read the same in the ingest service, the bench and the tests; "
                    + "the protocols it arrives by (HTTP, Kafka) are the service's");

    @ArchTest
    static final ArchRule filesDoNotUseEvents = noClasses()
            .that()
            .resideInAPackage("com.zywa.cardstatus.formats")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.zywa.cardstatus.formats.events..")
            .because("partner events are validated by the rules of a CSV row, not the other way round");
}
