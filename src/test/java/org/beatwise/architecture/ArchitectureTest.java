package org.beatwise.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md, kept true by the build. */
@AnalyzeClasses(packages = "org.beatwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Entry points and the wiring: everything else is the core. */
    private static final String[] OUTER = {"org.beatwise.app..", "org.beatwise.cli..", "org.beatwise.ui..",
            "org.beatwise.wiring..", "org.beatwise.api.."};

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.beatwise.(*)..")
            .should().beFreeOfCycles()
            .because("each capability builds on the ones below it, never the other way round");

    @ArchTest
    static final ArchRule noCyclesBetweenPanes = slices().matching("org.beatwise.ui.(*)..")
            .should().beFreeOfCycles()
            .because("the shell builds the panes; a pane never reaches back into the shell or another pane");

    @ArchTest
    static final ArchRule coreNeverDependsOnTheOuterLayers = noClasses()
            .that().resideOutsideOfPackages(OUTER)
            .should().dependOnClassesThat().resideInAnyPackage(OUTER)
            .because("the core is used by the desktop app, the command line and the bench alike");

    @ArchTest
    static final ArchRule wiringNeverDependsOnItsCallers = noClasses()
            .that().resideInAPackage("org.beatwise.wiring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.beatwise.app..", "org.beatwise.cli..", "org.beatwise.ui..",
                    "org.beatwise.api..")
            .because("the entry points use the wiring, not the other way round");

    @ArchTest
    static final ArchRule apiIsAnEntryPointBesideTheCommandLine = noClasses()
            .that().resideInAPackage("org.beatwise.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.beatwise.app..", "org.beatwise.cli..", "org.beatwise.ui..",
                    "javafx..")
            .because("the HTTP API runs in the headless serve command as well as in the app, and calls the services the "
                    + "command line calls");

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .that().resideOutsideOfPackages("org.beatwise.ui..", "org.beatwise.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the core and the CLI must run on a station without a display");

    @ArchTest
    static final ArchRule exportKnowsNoPanes = noClasses()
            .that().resideInAPackage("org.beatwise.export..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.beatwise.ui..")
            .because("briefings, pictures and files are made the same for the app and the command line, headless");

    @ArchTest
    static final ArchRule launcherLoadsJavaFxOnlyThroughDesktopLauncher = noClasses()
            .that().resideInAPackage("org.beatwise.app..")
            .and().doNotHaveSimpleName("DesktopLauncher")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.beatwise.ui..")
            .because("commands must start without loading JavaFX");

    @ArchTest
    static final ArchRule wekaStaysInsideModelAndHotspot = noClasses()
            .that().resideOutsideOfPackages("org.beatwise.model..", "org.beatwise.hotspot..")
            .should().dependOnClassesThat().resideInAnyPackage("weka..")
            .because("callers see Beatwise types, never Weka's");

    @ArchTest
    static final ArchRule uiUsesOnlyTheRecordsServicesReturn = noClasses()
            .that().resideInAPackage("org.beatwise.ui..")
            .should().dependOnClassesThat(storeBehaviour())
            .because("views and view-models call services; they may show the records and enums a service returns, "
                    + "never open the database or a store");

    @ArchTest
    static final ArchRule domainIsTheBottom = noClasses()
            .that().resideInAPackage("org.beatwise.domain..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.beatwise..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("org.beatwise.domain..")))
            .because("every capability, the store included, shares these types; they depend on nothing of ours");

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

    @ArchTest
    static final ArchRule placeProfilesReadDataNotModels = noClasses()
            .that().resideInAPackage("org.beatwise.profile..")
            .should().dependOnClassesThat().resideInAnyPackage("org.beatwise.model..", "org.beatwise.alert..",
                    "org.beatwise.auth..", "org.beatwise.bench..", "weka..")
            .because("a place profile counts what was recorded; explanations of a model live in model");

    /** Classes of the store that are not plain data (records and enums). */
    private static DescribedPredicate<JavaClass> storeBehaviour() {
        return DescribedPredicate.describe("store classes other than records and enums", c ->
                c.getPackageName().startsWith("org.beatwise.store")
                        && c.getRawSuperclass().map(s -> !s.getName().equals("java.lang.Record")
                                && !s.getName().equals("java.lang.Enum")).orElse(true));
    }
}
