package io.tlsdoctor.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layers you can see in the folders, kept honest: core knows no UI and no Windows, steps know no other step. */
@AnalyzeClasses(packages = "io.tlsdoctor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNeitherJavaFxNorJna = noClasses().that().resideInAPackage("io.tlsdoctor.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.jna..");

    @ArchTest
    static final ArchRule coreDependsOnNoOuterLayer = noClasses().that().resideInAPackage("io.tlsdoctor.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tlsdoctor.ui..", "io.tlsdoctor.platform..",
                    "io.tlsdoctor.cli..", "io.tlsdoctor.app..");

    @ArchTest
    static final ArchRule uiDoesNotReachIntoPlatform = noClasses().that().resideInAPackage("io.tlsdoctor.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tlsdoctor.platform..", "com.sun.jna..", "io.tlsdoctor.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule commandLineNeverStartsJavaFx = noClasses().that().resideInAPackage("io.tlsdoctor.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.tlsdoctor.ui..");

    @ArchTest
    static final ArchRule platformHasNoUi = noClasses().that().resideInAPackage("io.tlsdoctor.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.tlsdoctor.ui..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule wizardStepsDoNotDependOnEachOther =
            slices().matching("io.tlsdoctor.ui.step.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..");

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("io.tlsdoctor.(*)..").should().beFreeOfCycles();

}
