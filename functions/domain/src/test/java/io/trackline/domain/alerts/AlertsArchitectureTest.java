package io.trackline.domain.alerts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class AlertsArchitectureTest {
    private final JavaClasses alerts = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trackline.domain.alerts");

    @Test
    void shouldKeepAlertRulesFreeOfAwsAndAdapters() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "com.fasterxml..", "io.trackline.aws..", "io.trackline.notifier..")
                .check(alerts);
    }
}
