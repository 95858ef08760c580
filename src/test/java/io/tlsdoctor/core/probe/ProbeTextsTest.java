package io.tlsdoctor.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Finding, step and outcome texts are looked up by keys built from ids and enum names, which the bundle-wide key check
 * cannot see; this finds every one of them and checks it exists in English and Swedish.
 */
class ProbeTextsTest {

    @Test
    void everyKeyBuiltFromAnIdOrEnumExistsInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern finding =
                Pattern.compile("ProbeFinding\\.of\\(\\s*\"(\\w+)\"|\\? \"(\\w+)\" : \"(\\w+)\"|\"(schannel\\w+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/tlsdoctor"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("ProbeFinding")) {
                    continue;
                }
                Matcher m = finding.matcher(source);
                while (m.find()) {
                    for (int group = 1; group <= m.groupCount(); group++) {
                        if (m.group(group) != null) {
                            keys.add("probe.finding." + m.group(group));
                        }
                    }
                }
            }
        }
        assertThat(keys)
                .contains("probe.finding.portClosed", "probe.finding.silent", "probe.finding.schannelUnavailable");
        for (StepName step : StepName.values()) {
            keys.add("probe.step." + step.id());
        }
        for (StepStatus status : StepStatus.values()) {
            keys.add("probe.status." + status);
        }
        for (VersionOutcome outcome : VersionOutcome.values()) {
            keys.add("probe.outcome." + outcome);
        }
        for (Severity severity : Severity.values()) {
            keys.add("probe.severity." + severity);
        }
        for (Locale locale : new Locale[] {Locale.ENGLISH, new Locale("sv")}) {
            Messages messages = Messages.forLocale(locale);
            for (String key : keys) {
                assertThat(messages.has(key)).as("%s in %s", key, locale).isTrue();
            }
        }
    }
}
