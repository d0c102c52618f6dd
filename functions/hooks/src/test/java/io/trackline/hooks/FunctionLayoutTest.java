package io.trackline.hooks;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.trackline.testkit.arch.FunctionLayout;

/** The layout every function follows (handler and wiring, application, adapter/&lt;technology&gt;), over this module. */
@AnalyzeClasses(packages = "io.trackline.hooks", importOptions = ImportOption.DoNotIncludeTests.class)
class FunctionLayoutTest {
    @ArchTest
    static final ArchTests layout = ArchTests.in(FunctionLayout.class);
}
