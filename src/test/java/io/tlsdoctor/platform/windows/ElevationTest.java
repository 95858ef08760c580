package io.tlsdoctor.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Arguments for the elevated helper survive Windows' command-line splitting (CommandLineToArgvW) unchanged. */
class ElevationTest {

    @Test
    void quotesTheWayWindowsSplits() {
        assertThat(Elevation.quote("fix")).isEqualTo("fix");
        assertThat(Elevation.quote("C:\\ProgramData\\TLS Doctor\\runs\\plan.json"))
                .isEqualTo("\"C:\\ProgramData\\TLS Doctor\\runs\\plan.json\"");
        assertThat(Elevation.quote("C:\\My Dir\\")).isEqualTo("\"C:\\My Dir\\\\\"");
        assertThat(Elevation.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(Elevation.quote("a\\\"b")).isEqualTo("\"a\\\\\\\"b\"");
        assertThat(Elevation.quote("")).isEqualTo("\"\"");
        assertThat(Elevation.quote("tab\there")).isEqualTo("\"tab\there\"");
    }

    @Test
    void restartUsesShutdownFromSystem32() {
        assertThat(ServerRestart.restartCommand(10, "c").get(0)).endsWith("\\System32\\shutdown.exe");
        assertThat(ServerRestart.restartCommand(10, "c"))
                .containsSubsequence("/r", "/t", "600", "/d", "p:2:4", "/c", "c");
    }

    @Test
    void anImmediateRestartIsForcedSoAProgramWithUnsavedWorkCannotHoldItUp() {
        assertThat(ServerRestart.restartCommand(0, "c")).containsSubsequence("/r", "/f", "/t", "0");
        assertThat(ServerRestart.restartCommand(10, "c")).doesNotContain("/f"); // /t above 0 implies it
    }

    /** 1190 and 1116 are answers an admin meets; they read as plain sentences in English and Swedish, not numbers. */
    @Test
    void shutdownsKnownRefusalsAreExplainedInPlainWords() {
        ServerRestart.Result already =
                new ServerRestart.Result(1190, "A system shutdown has already been scheduled.(1190)");
        ServerRestart.Result nothing = new ServerRestart.Result(
                1116, "Unable to abort the system shutdown because no shutdown was in progress.(1116)");

        assertThat(already.succeeded()).isFalse();
        assertThat(nothing.succeeded())
                .as("no restart is scheduled, which is what a cancel wants")
                .isTrue();
        Messages en = Messages.forLocale(Locale.ENGLISH);
        Messages sv = Messages.forLocale(Locale.forLanguageTag("sv"));
        assertThat(en.get(already.explanationKey().orElseThrow())).contains("already scheduled", "restart --cancel");
        assertThat(sv.get(already.explanationKey().orElseThrow())).contains("redan schemalagd");
        assertThat(en.get(nothing.explanationKey().orElseThrow())).contains("nothing to cancel");
        assertThat(sv.get(nothing.explanationKey().orElseThrow())).contains("inget att avbryta");
        assertThat(new ServerRestart.Result(5, "Access is denied.(5)").explanationKey())
                .isEmpty();
    }

    /** The elevated token does not see the user's drive mappings: Z:\\ goes as \\\\server\\share\\. */
    @Test
    void pathsOnAMappedDriveGoToTheElevatedRunAsTheirUncPath() {
        java.util.function.Function<String, java.util.Optional<String>> drives =
                drive -> drive.equals("Z:") ? java.util.Optional.of("\\\\fs01\\tools") : java.util.Optional.empty();

        assertThat(Elevation.unmapped("Z:\\TLS Doctor\\tlsdoctor.exe", drives))
                .isEqualTo("\\\\fs01\\tools\\TLS Doctor\\tlsdoctor.exe");
        assertThat(Elevation.unmapped("z:\\plans\\plan.json", drives)).isEqualTo("\\\\fs01\\tools\\plans\\plan.json");
        assertThat(Elevation.unmapped("C:\\Program Files\\TLS Doctor\\tlsdoctor.exe", drives))
                .isEqualTo("C:\\Program Files\\TLS Doctor\\tlsdoctor.exe");
        assertThat(Elevation.unmapped("--plan", drives)).isEqualTo("--plan");
        assertThat(Elevation.unmapped("Z:", drives)).isEqualTo("Z:");
        assertThat(Elevation.unmapped("\\\\fs01\\tools\\x", drives)).isEqualTo("\\\\fs01\\tools\\x");
    }

    /** The UAC prompt is owned by the wizard: the foreground window when it is ours, else our first visible window. */
    @Test
    void theUacPromptIsOwnedByTheWizardsWindowEvenWhenAnotherIsInFront() {
        assertThat(Elevation.owner("wizard", true, java.util.List.of("wizard", "review")))
                .isEqualTo("wizard");
        assertThat(Elevation.owner("explorer", false, java.util.List.of("wizard")))
                .as("the user clicked away")
                .isEqualTo("wizard");
        assertThat(Elevation.owner(null, false, java.util.List.of("wizard"))).isEqualTo("wizard");
        assertThat(Elevation.owner("console", false, java.util.List.<String>of()))
                .as("the command line: no owner")
                .isNull();
    }

    /** On Windows, a process with no window of its own (this test JVM, as the command line) hands UAC no owner. */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.WINDOWS)
    void aProcessWithoutAWindowGivesThePromptNoOwner() {
        assertThat(Elevation.ownerWindow()).isNull();
    }

    /** The user's Cancel interrupts the waiting thread: the wait ends within a slice instead of never. */
    @Test
    void anInterruptedWaitEndsAndSaysTheHelperWasLeftToFinish() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Elevation.Outcome> outcome =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread waiter = new Thread(() -> outcome.set(Elevation.await(
                () -> {
                    try {
                        Thread.sleep(50); // one slice of a helper that never ends
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return true;
                },
                () -> 0)));
        waiter.start();
        Thread.sleep(200);
        waiter.interrupt();
        waiter.join(5000);

        assertThat(waiter.isAlive()).isFalse();
        assertThat(outcome.get().waitCancelled()).isTrue();
        assertThat(outcome.get().declined()).isFalse();

        int[] slices = {3};
        assertThat(Elevation.await(() -> slices[0]-- > 0, () -> 7)).isEqualTo(new Elevation.Outcome(false, 7, false));
    }
}
