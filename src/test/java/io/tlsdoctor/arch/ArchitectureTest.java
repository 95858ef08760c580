package io.tlsdoctor.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tlsdoctor.core.diagnosis.CaseFile;

/** The layers you can see in the folders, kept honest: core knows no UI and no Windows, steps know no other step. */
@AnalyzeClasses(packages = "io.tlsdoctor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNeitherJavaFxNorJna = noClasses()
            .that()
            .resideInAPackage("io.tlsdoctor.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.jna..");

    @ArchTest
    static final ArchRule coreDependsOnNoOuterLayer = noClasses()
            .that()
            .resideInAPackage("io.tlsdoctor.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.tlsdoctor.ui..", "io.tlsdoctor.platform..", "io.tlsdoctor.cli..", "io.tlsdoctor.app..");

    @ArchTest
    static final ArchRule uiDoesNotReachIntoPlatform = noClasses()
            .that()
            .resideInAPackage("io.tlsdoctor.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tlsdoctor.platform..", "com.sun.jna..", "io.tlsdoctor.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule commandLineNeverStartsJavaFx = noClasses()
            .that()
            .resideInAPackage("io.tlsdoctor.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "io.tlsdoctor.ui..");

    @ArchTest
    static final ArchRule platformHasNoUi = noClasses()
            .that()
            .resideInAPackage("io.tlsdoctor.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "io.tlsdoctor.ui..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule wizardStepsDoNotDependOnEachOther =
            slices().matching("io.tlsdoctor.ui.step.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..");

    /** A view binds to its ViewModel's properties and text; what a core type means is the ViewModel's business. */
    @ArchTest
    static final ArchRule viewsBindToTheirViewModelNotToCore = noClasses()
            .that()
            .resideInAPackage("io.tlsdoctor.ui..")
            .and()
            .haveSimpleNameEndingWith("View")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tlsdoctor.core..");

    /** A case is built through CaseFile.builder, so a new check adds a setter there instead of a positional argument everywhere. */
    @ArchTest
    static final ArchRule caseFilesAreBuiltThroughTheirBuilder = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(CaseFile.Builder.class.getName())
            .should()
            .callConstructorWhere(DescribedPredicate.describe(
                    "the target is CaseFile's constructor",
                    (JavaConstructorCall call) -> call.getTargetOwner().isEquivalentTo(CaseFile.class)));

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles =
            slices().matching("io.tlsdoctor.(*)..").should().beFreeOfCycles();

    /**
     * The order inside core: a report renders a diagnosis, a diagnosis judges what the checks collected, the checks
     * stand on the basics. A check that reached up into the diagnosis (or the basics into a check) would make the
     * re-evaluation of a saved snapshot depend on the code that judges it.
     */
    @ArchTest
    static final ArchRule coreLayersKeepTheirOrder = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("report")
            .definedBy("io.tlsdoctor.core.report..")
            .layer("diagnosis")
            .definedBy("io.tlsdoctor.core.diagnosis..")
            .layer("fleet")
            .definedBy("io.tlsdoctor.core.fleet..")
            .layer("checks")
            .definedBy(
                    "io.tlsdoctor.core.evidence..",
                    "io.tlsdoctor.core.logs..",
                    "io.tlsdoctor.core.probe..",
                    "io.tlsdoctor.core.registry..",
                    "io.tlsdoctor.core.fix..",
                    "io.tlsdoctor.core.connectors..")
            .layer("basics")
            .definedBy(
                    "io.tlsdoctor.core.domain..",
                    "io.tlsdoctor.core.json..",
                    "io.tlsdoctor.core.text..",
                    "io.tlsdoctor.core.concurrent..")
            .whereLayer("report")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("diagnosis")
            .mayOnlyBeAccessedByLayers("report")
            .whereLayer("fleet")
            .mayOnlyBeAccessedByLayers("report")
            .whereLayer("checks")
            .mayOnlyBeAccessedByLayers("diagnosis", "fleet", "report")
            .whereLayer("basics")
            .mayOnlyBeAccessedByLayers("checks", "diagnosis", "fleet", "report");

    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles =
            slices().matching("io.tlsdoctor.core.(*)..").should().beFreeOfCycles();
}
