package io.trackline.testkit.arch;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package cycles (README "Conventions every function follows"): every package of the analysed classes is a slice of
 * its own, and no chain of dependencies leads from a package back to itself. Part of {@link FunctionLayout}; the
 * library modules the kit may serve in test scope (the engine, the view) include it on its own with
 * {@code @ArchTest static final ArchTests cycles = ArchTests.in(PackageCycles.class);}. The domain and the platform
 * kit, which the kit depends on, state the same rule in their own tests.
 */
public final class PackageCycles {
    private PackageCycles() {
    }

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.trackline.(**)")
            .should().beFreeOfCycles();
}
