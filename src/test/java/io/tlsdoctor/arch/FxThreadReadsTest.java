package io.tlsdoctor.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** UI tests read JavaFX state on the FX thread only; a test that reads a node from the test thread fails the build. */
@AnalyzeClasses(packages = "io.tlsdoctor", importOptions = ImportOption.OnlyIncludeTests.class)
class FxThreadReadsTest {

    @ArchTest
    static final ArchRule uiTestsReadNodesOnTheFxThreadOnly = classes()
            .that(FxThreadReads.TESTFX_TESTS)
            .and(not(resideInAPackage("io.tlsdoctor.arch.fixture..")))
            .should(FxThreadReads.readJavaFxOnlyOnTheFxThread());
}
