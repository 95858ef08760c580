package io.tlsdoctor.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tlsdoctor.arch.fixture.OffThreadReadsFixture;
import io.tlsdoctor.arch.fixture.OnThreadReadsFixture;
import io.tlsdoctor.ui.FxReads;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FX-thread rule of {@link FxThreadReadsTest} can fail: each kind of off-thread read is reported with its line. */
class FxThreadReadsRuleTest {

    @Test
    void everyKindOfOffThreadReadIsCaught() {
        assertThat(FxThreadReads.violations(OffThreadReadsFixture.class.getName()))
                .anySatisfy(v -> assertThat(v).contains("readsALabel").contains("javafx.scene.control.Label.getText"))
                .anySatisfy(v -> assertThat(v).contains("queriesTheSceneGraph").contains("NodeQuery.queryAs"))
                .anySatisfy(v -> assertThat(v).contains("readsABoundProperty").contains("javafx.beans"))
                .anySatisfy(v ->
                        assertThat(v).contains("handsAMethodReferenceToAssertJ").contains("Labeled.getText"))
                .anySatisfy(v ->
                        assertThat(v).contains("lambda$pollsFromTheTestThread").contains("Label.getText"))
                .anySatisfy(v -> assertThat(v).contains("callsAnFxHelper").contains("OffThreadReadsFixture.label"))
                // only the parameters FxReads runs on the FX thread are trusted: waitForText's expectation is not one
                .anySatisfy(v -> assertThat(v)
                        .contains("lambda$expectsTextOnTheTestThread")
                        .contains("Label.getText"))
                .hasSize(7);
    }

    @Test
    void everyFunctionalParameterOfFxReadsIsDecided() {
        for (Method method : FxReads.class.getMethods()) {
            if (method.getDeclaringClass() != FxReads.class) {
                continue;
            }
            for (Class<?> parameter : method.getParameterTypes()) {
                if (parameter.isAnnotationPresent(FunctionalInterface.class)) {
                    String key = FxReads.class.getName() + "." + method.getName() + "(" + parameter.getName() + ")";
                    assertThat(FxThreadReads.FX_SINKS.contains(key) ^ FxThreadReads.FX_READS_TEST_THREAD.contains(key))
                            .as("%s: say in FxThreadReads whether the FX thread or the test thread runs it", key)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void readsThroughFxReadsAndInteractPass() {
        assertThat(FxThreadReads.violations(OnThreadReadsFixture.class.getName()))
                .isEmpty();
    }

    @Test
    void theRuleSeesEveryUiTest() {
        List<String> uiTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("io.tlsdoctor.ui").stream()
                        .filter(FxThreadReads.TESTFX_TESTS)
                        .map(JavaClass::getName)
                        .toList();
        assertThat(uiTests)
                .contains(
                        "io.tlsdoctor.ui.DiagnosisSummaryTest",
                        "io.tlsdoctor.ui.step.logs.LogsStepTest",
                        "io.tlsdoctor.ui.WindowIconTest")
                .doesNotContain("io.tlsdoctor.ui.wizard.WizardViewModelResumeTest");
    }
}
