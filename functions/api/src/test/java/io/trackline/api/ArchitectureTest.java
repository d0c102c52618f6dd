package io.trackline.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Use cases and ports speak the domain; only the adapters (dynamodb, sns, the wiring) touch the AWS SDK. */
@AnalyzeClasses(packages = "io.trackline.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule useCasesUseNoAwsSdk = noClasses()
            .that().resideInAnyPackage("..api.tracking..", "..api.issues..", "..api.preferences..", "..api.registration..",
                    "..api.address..", "..api.auth..", "..api.webhooks")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                    "io.trackline.api.dynamodb..", "io.trackline.api.sns..");
}
