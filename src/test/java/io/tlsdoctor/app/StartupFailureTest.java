package io.tlsdoctor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Messages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard has no console on Windows: a failed start reaches the user as a message box naming a file with the details. */
class StartupFailureTest {

    @Test
    void theUserSeesTheMessageInABoxAndTheDetailsAreInAFileTheBoxNames(@TempDir Path home) throws Exception {
        Messages swedish = Messages.forLocale(Locale.forLanguageTag("sv"));
        List<String> shown = new ArrayList<>();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Path logs = home.resolve("TLS Doctor").resolve("logs");

        String text = new StartupFailure(
                        swedish,
                        logs,
                        (caption, body) -> shown.add(caption + "|" + body),
                        new PrintStream(stderr, true, StandardCharsets.UTF_8))
                .report(
                        swedish.get("app.startFailed", "Prism pipeline unavailable"),
                        new IllegalStateException("Prism pipeline unavailable"));

        assertThat(shown)
                .singleElement()
                .asString()
                .startsWith("TLS Doctor|")
                .contains("Prism pipeline unavailable", "Detaljerna är sparade i");
        try (var files = Files.list(logs)) {
            Path details = files.findFirst().orElseThrow();
            assertThat(text).contains(details.toString());
            assertThat(Files.readString(details))
                    .contains("IllegalStateException: Prism pipeline unavailable", "\tat ", "Java: ", "OS: ");
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("Prism pipeline unavailable");
    }

    @Test
    void whenNoFileCanBeWrittenTheMessageIsStillShown(@TempDir Path home) throws Exception {
        Path blocked = Files.writeString(home.resolve("logs"), "a file where the folder would be");
        List<String> shown = new ArrayList<>();

        String text = new StartupFailure(
                        Messages.forLocale(Locale.ENGLISH),
                        blocked,
                        (caption, body) -> shown.add(body),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .report("The wizard could not start (x).", null);

        assertThat(shown).containsExactly("The wizard could not start (x).");
        assertThat(text).doesNotContain("details are saved");
    }
}
