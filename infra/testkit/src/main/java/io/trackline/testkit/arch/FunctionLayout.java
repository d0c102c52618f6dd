package io.trackline.testkit.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one layout every function module follows (README "Conventions every function follows"), for a module whose base
 * package is {@code io.trackline.<fn>}:
 * <ul>
 *   <li>{@code io.trackline.<fn>}: the handler (the inbound adapter, two constructors) and {@code <Fn>Wiring};</li>
 *   <li>{@code io.trackline.<fn>.application}: use cases and ports, free of the AWS SDK, Lambda's events, HTTP and
 *       problem types, the adapters, the handler and the wiring;</li>
 *   <li>{@code io.trackline.<fn>.adapter.<technology>}: outbound adapters, which do not depend on each other;</li>
 *   <li>no package cycles ({@link PackageCycles}).</li>
 * </ul>
 * A module without use cases of its own (the sweeper runs the engine's) or without outbound adapters has nothing for
 * those rules to check. A module's test includes these rules with
 * {@code @AnalyzeClasses(packages = "io.trackline.<fn>", importOptions = DoNotIncludeTests.class)} and
 * {@code @ArchTest static final ArchTests layout = ArchTests.in(FunctionLayout.class);}.
 */
public final class FunctionLayout {
    /** A function's root package: one level below {@code io.trackline} (handler, wiring, inbound commands). */
    private static final String FUNCTION_ROOT = "io.trackline.*";
    private static final DescribedPredicate<JavaClass> INBOUND = resideInAPackage(FUNCTION_ROOT)
            .and(not(resideInAnyPackage("io.trackline.domain", "io.trackline.aws", "io.trackline.engine")))
            .or(resideInAPackage("io.trackline.*.http.."))
            .as("the handler, the wiring, the inbound HTTP adapter or problem+json");
    private static final String[] PLATFORM = {"software.amazon..", "com.amazonaws..", "io.trackline.aws", "io.trackline.aws.http..",
            "io.trackline.engine.dynamodb..", "io.trackline.view.dynamodb.."};

    private FunctionLayout() {
    }

    @ArchTest
    static final ArchRule applicationSpeaksNoPlatform = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage(PLATFORM)
            .because("use cases and ports speak the domain: the AWS SDK, Lambda's events, settings, clients and HTTP problems"
                    + " belong to the handler and the adapters")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule applicationKnowsNoAdapterNorHandler = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..")
            .orShould().dependOnClassesThat(INBOUND)
            .because("adapters and the handler depend on the application, never the other way")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule adaptersKnowNoHandler = noClasses()
            .that().resideInAPackage("..adapter..")
            .should().dependOnClassesThat(INBOUND)
            .because("the wiring builds the adapters; an adapter never reaches back into the inbound side")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule adaptersAreIndependent = slices().matching("..adapter.(*)..")
            .should().notDependOnEachOther()
            .because("each outbound adapter speaks one technology")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchTests noPackageCycles = ArchTests.in(PackageCycles.class);

    @ArchTest
    static final ArchRule handlersHaveTwoConstructors = classes()
            .that().areAssignableTo("com.amazonaws.services.lambda.runtime.RequestHandler")
            .or().areAssignableTo("com.amazonaws.services.lambda.runtime.RequestStreamHandler")
            .and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should().resideInAPackage(FUNCTION_ROOT)
            .andShould().beAssignableTo("io.trackline.aws.lambda.JsonEventHandler")
            .andShould(haveTwoPublicConstructors())
            .because("Lambda's runtime then hands the event's bytes to LambdaJson instead of loading its own serializer");

    private static ArchCondition<JavaClass> haveTwoPublicConstructors() {
        return new ArchCondition<>("have exactly two constructors: Lambda's no-arg one and one taking the wiring") {
            @Override
            public void check(JavaClass handler, ConditionEvents events) {
                var constructors = handler.getConstructors();
                boolean noArg = constructors.stream().anyMatch(c -> c.getRawParameterTypes().isEmpty());
                boolean wired = constructors.stream().anyMatch(c -> c.getRawParameterTypes().size() == 1);
                boolean ok = constructors.size() == 2 && noArg && wired;
                events.add(new SimpleConditionEvent(handler, ok, handler.getName() + " has " + constructors.size()
                        + " constructor(s): " + constructors.stream().map(c -> c.getRawParameterTypes().toString()).toList()));
            }
        };
    }
}
