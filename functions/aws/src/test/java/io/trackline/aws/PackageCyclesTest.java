package io.trackline.aws;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package cycles in the platform kit: the test kit's {@code PackageCycles} rule, stated here because the kit depends
 * on this module.
 */
@AnalyzeClasses(packages = "io.trackline.aws", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.trackline.(**)")
            .should().beFreeOfCycles();
}
