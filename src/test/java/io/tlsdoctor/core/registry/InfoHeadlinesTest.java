package io.tlsdoctor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a "For information" finding read as a helpdesk user reads it. Its headline says what is not known or not
 * checked, never the finding's title, which is a claim ("No restart pending", "Old protocols switched off") that
 * beside a neutral badge reads as a pass; and its text says what it means for mail flow, in both languages.
 */
class InfoHeadlinesTest {

    @TempDir
    Path dir;

    @Test
    void everyInformationFindingSaysWhatIsNotKnownAndWhatItMeansForMailFlow() throws Exception {
        Map<String, Finding> info = new TreeMap<>();
        for (RegistryReport report : reports()) {
            report.findings().stream()
                    .filter(f -> f.status() == FindingStatus.INFO)
                    .forEach(f -> info.putIfAbsent(f.id() + "/" + f.variant(), f));
        }
        assertThat(info)
                .as("the scenarios reach the usual information outcomes")
                .hasSizeGreaterThanOrEqualTo(12);
        info.forEach((key, finding) -> {
            String title = FindingTexts.get().title(finding.id()).in(Languages.ENGLISH);
            assertThat(finding.title().in(Languages.ENGLISH))
                    .as("headline of %s", key)
                    .isNotEqualTo(title);
            assertThat(finding.title().in(Languages.SWEDISH))
                    .as("Swedish headline of %s", key)
                    .isNotEqualTo(FindingTexts.get().title(finding.id()).in(Languages.SWEDISH));
            assertThat(finding.detail().in(Languages.ENGLISH).toLowerCase())
                    .as("what %s means for mail flow", key)
                    .containsAnyOf("mail", "mail flow");
            assertThat(finding.detail().in(Languages.SWEDISH).toLowerCase())
                    .as("what %s means for mail flow, in Swedish", key)
                    .contains("e-post");
        });
        assertThat(info.get("restart.pending/notExported").title().in(Languages.ENGLISH))
                .isEqualTo("Not checked: whether a restart is pending (not in the exports)");
    }

    @Test
    void aPassKeepsItsTitle() throws Exception {
        RegistryReport report =
                new RegistryEvaluator().evaluate(new RegFileSource(List.of(Cases.regFile(dir, true, true))).collect());
        Finding client = report.findings().stream()
                .filter(f -> f.id().equals("tls12.client"))
                .findFirst()
                .orElseThrow();
        assertThat(client.status()).isEqualTo(FindingStatus.PASS);
        assertThat(client.title()).isEqualTo(FindingTexts.get().title("tls12.client"));
    }

    /** Exports of SCHANNEL and the OS only; SCHANNEL alone (the OS unknown); nothing at all. */
    private List<RegistryReport> reports() throws Exception {
        List<RegistryReport> reports = new ArrayList<>();
        Path both = Cases.regFile(Files.createDirectories(dir.resolve("both")), false, true);
        reports.add(new RegistryEvaluator().evaluate(new RegFileSource(List.of(both)).collect()));
        Path schannelOnly = dir.resolve("schannel-only.reg");
        String text = Files.readString(both, java.nio.charset.StandardCharsets.UTF_16LE);
        Files.writeString(
                schannelOnly,
                text.replaceAll(
                        "(?s)\\[HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\Microsoft\\\\Windows NT.*?(?=\\r\\n\\[|$)", ""),
                java.nio.charset.StandardCharsets.UTF_16LE);
        reports.add(new RegistryEvaluator().evaluate(new RegFileSource(List.of(schannelOnly)).collect()));
        reports.add(new RegistryEvaluator()
                .evaluate(RegistrySnapshot.of(
                        SnapshotOrigin.REG_FILES,
                        List.of("none.reg"),
                        Instant.parse("2026-12-03T12:00:00Z"),
                        null,
                        List.of(),
                        List.of())));
        return reports;
    }
}
