package io.trackline.domain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The domain speaks only its own language: no AWS SDK, no Lambda runtime, no JSON library; no package cycles. */
@AnalyzeClasses(packages = "io.trackline.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule shouldNotDependOnInfrastructure_whenInDomain = noClasses()
            .that().resideInAPackage("io.trackline.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.fasterxml..")
            .because("ports are in domain language; adapters live in functions/engine, functions/aws and the function modules");

    @ArchTest
    static final ArchRule shouldNotDependOnUseCases_whenInModel = noClasses()
            .that().resideInAPackage("io.trackline.domain.shipment")
            .should().dependOnClassesThat().resideInAPackage("io.trackline.domain.shipment.usecase..")
            .because("the aggregate returns its outcome; use cases orchestrate ports around it");

    /** The test kit's {@code PackageCycles} rule, stated here because the kit depends on the domain. */
    @ArchTest
    static final ArchRule shouldHaveNoPackageCycles = slices().matching("io.trackline.(**)")
            .should().beFreeOfCycles();
}
