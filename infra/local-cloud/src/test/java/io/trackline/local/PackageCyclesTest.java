package io.trackline.local;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.trackline.testkit.arch.PackageCycles;

/** No package cycles in the local cloud (the rule every function module's FunctionLayoutTest runs too). */
@AnalyzeClasses(packages = "io.trackline.local", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {
    @ArchTest
    static final ArchTests cycles = ArchTests.in(PackageCycles.class);
}
