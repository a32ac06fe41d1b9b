package com.zywa.cardstatus.notifier;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The notifier's packages depend one way: the API on the delivery on the intake's event, the intake and the delivery
 * on the queue, the webhook and the subscription; what a webhook is and where it may go know nothing of Kafka,
 * HTTP clients or the API.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.zywa.cardstatus.notifier");

    @Test
    void featurePackagesDependOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("api")
                .definedBy("..notifier.api..")
                .layer("delivery")
                .definedBy("..notifier.delivery..")
                .layer("intake")
                .definedBy("..notifier.intake..")
                .layer("queue")
                .definedBy("..notifier.queue..")
                .layer("webhook")
                .definedBy("..notifier.webhook..")
                .layer("subscription")
                .definedBy("..notifier.subscription..")
                .layer("target")
                .definedBy("..notifier.targets..")
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("delivery")
                .mayOnlyBeAccessedByLayers("api")
                .whereLayer("intake")
                .mayOnlyBeAccessedByLayers("delivery")
                .whereLayer("queue")
                .mayOnlyBeAccessedByLayers("intake", "delivery")
                .whereLayer("webhook")
                .mayOnlyBeAccessedByLayers("intake", "delivery", "api")
                .whereLayer("target")
                .mayOnlyBeAccessedByLayers("delivery", "api")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("com.zywa.cardstatus.notifier.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
