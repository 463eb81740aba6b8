package org.beatwise.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of DESIGN.md, kept true by the build. */
@AnalyzeClasses(packages = "org.beatwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .that().resideOutsideOfPackages("org.beatwise.ui..", "org.beatwise.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the core and the CLI must run on a station without a display");

    @ArchTest
    static final ArchRule launcherLoadsJavaFxOnlyThroughDesktopLauncher = noClasses()
            .that().resideInAPackage("org.beatwise.app..")
            .and().doNotHaveSimpleName("DesktopLauncher")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.beatwise.ui..")
            .because("commands must start without loading JavaFX");

    @ArchTest
    static final ArchRule wekaStaysInsideModelAndHotspot = noClasses()
            .that().resideOutsideOfPackages("org.beatwise.model..", "org.beatwise.hotspot..", "org.beatwise.features..",
                    "org.beatwise.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("weka..")
            .because("callers see Beatwise types, never Weka's");

    @ArchTest
    static final ArchRule uiGoesThroughServices = noClasses()
            .that().resideInAPackage("org.beatwise.ui..")
            .should().dependOnClassesThat().haveNameMatching("org\\.beatwise\\.store\\.(Database|.*Store)")
            .because("views and view-models call services, never the database");

    @ArchTest
    static final ArchRule storeKnowsNothingAbove = noClasses()
            .that().resideInAPackage("org.beatwise.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.beatwise.ui..", "org.beatwise.cli..",
                    "org.beatwise.auth..", "weka..")
            .because("the store is the bottom layer");

    @ArchTest
    static final ArchRule onlyTheCommandLineWritesToStandardStreams = noClasses()
            .that().resideOutsideOfPackages("org.beatwise.cli..", "org.beatwise.app..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("core code reports through return values, Progress and logging");
}
