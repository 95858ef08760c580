package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.core.text.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a summary in the format its name asks for, and opening a saved JSON summary back exactly as it was. */
class SummaryFilesTest {

    private static final Messages ENGLISH = Messages.forLocale(Languages.ENGLISH);
    private static DiagnosisSummary summary;

    @TempDir
    Path folder;

    @BeforeAll
    static void build() {
        SampleCase sample = SampleCase.realistic();
        summary = new SummaryBuilder().build(sample.caseFile(), sample.conclusion(), ENGLISH);
    }

    @Test
    void aSavedJsonSummaryOpensBackExactlyAsItWas() throws Exception {
        Path file = folder.resolve("EX01 summary.json");
        assertThat(SummaryFormat.save(summary, file)).isEqualTo(SummaryFormat.JSON);

        DiagnosisSummary opened = DiagnosisSummary.read(file);

        assertThat(opened).isEqualTo(summary);
        assertThat(SummaryFormat.HTML.render(opened)).isEqualTo(SummaryFormat.HTML.render(summary));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"schema\" : \"tlsdoctor.summary/1\"");
    }

    @Test
    void aRedactedSummaryOpensBackRedacted() throws Exception {
        DiagnosisSummary redacted = summary.redact();

        DiagnosisSummary opened = DiagnosisSummary.parse(SummaryFormat.JSON.render(redacted), "redacted.json");

        assertThat(opened).isEqualTo(redacted);
        assertThat(opened.redacted()).isTrue();
        assertThat(opened.redact()).isSameAs(opened);
    }

    @Test
    void aJsonFileOfAnotherKindIsRefusedWithItsNameAndTheWayOut() throws Exception {
        Path probe =
                Files.writeString(folder.resolve("probe.json"), "{\"schema\":\"tlsdoctor.probe/1\",\"targets\":[]}");

        UserFacingException refused =
                catchThrowableOfType(() -> DiagnosisSummary.read(probe), UserFacingException.class);

        assertThat(refused.messageKey()).isEqualTo("summary.error.schema");
        assertThat(ENGLISH.get(refused.messageKey(), refused.args()))
                .isEqualTo(
                        "probe.json is a tlsdoctor.probe/1 file, not a "
                                + "TLS Doctor summary (tlsdoctor.summary/1). Open a .json summary that TLS Doctor saved, or a newer TLS Doctor for a newer summary.");
    }

    @Test
    void aNewerSummaryIsRefusedRatherThanHalfRead() {
        String newer = SummaryFormat.JSON.render(summary).replace("tlsdoctor.summary/1", "tlsdoctor.summary/2");

        assertThatThrownBy(() -> DiagnosisSummary.parse(newer, "from-a-colleague.json"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("summary.error.schema");
                    assertThat(e.args())
                            .containsExactly("from-a-colleague.json", "tlsdoctor.summary/2", "tlsdoctor.summary/1");
                });
    }

    @Test
    void brokenOrForeignFilesSayWhatTheyAreNotWithoutAStackTrace() throws Exception {
        Path html = folder.resolve("summary.html");
        SummaryFormat.save(summary, html);
        Path truncated = Files.writeString(
                folder.resolve("cut.json"), SummaryFormat.JSON.render(summary).substring(0, 500));
        Path edited = Files.writeString(
                folder.resolve("edited.json"),
                SummaryFormat.JSON.render(summary).replace("\"redacted\" : false", "\"redacted\" : \"perhaps\""));
        Path unrelated = Files.writeString(folder.resolve("list.json"), "[1, 2, 3]");
        Path noSchema = Files.writeString(folder.resolve("other.json"), "{\"name\":\"x\"}");
        Path binary = Files.write(
                folder.resolve("image.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF, (byte) 0xFE});

        assertThat(key(html)).isEqualTo("summary.error.notJson");
        assertThat(key(truncated))
                .as("cut off, but a summary: not 'not a JSON file'")
                .isEqualTo("summary.error.malformed");
        assertThat(key(edited)).isEqualTo("summary.error.malformed");
        assertThat(key(unrelated)).as("JSON, but not a summary").isEqualTo("summary.error.malformed");
        assertThat(key(noSchema)).isEqualTo("summary.error.noSchema");
        assertThat(key(binary)).isEqualTo("summary.error.notJson");
        assertThat(key(folder.resolve("missing.json"))).isEqualTo("summary.error.notFound");

        UserFacingException notJson =
                catchThrowableOfType(() -> DiagnosisSummary.read(html), UserFacingException.class);
        assertThat(ENGLISH.get(notJson.messageKey(), notJson.args()))
                .startsWith("summary.html is not a JSON file.")
                .contains("Save as JSON", "--out summary.json");
        UserFacingException malformed =
                catchThrowableOfType(() -> DiagnosisSummary.read(edited), UserFacingException.class);
        assertThat(ENGLISH.get(malformed.messageKey(), malformed.args()))
                .startsWith("edited.json is not a summary TLS Doctor can open: the field redacted at line ")
                .contains("has a value TLS Doctor does not accept. Save the summary again from TLS Doctor")
                .doesNotContain("Cannot deserialize")
                .doesNotContain("java.");
    }

    @Test
    void theFileNameChoosesTheFormat() throws Exception {
        assertThat(SummaryFormat.forFileName("summary.html")).isEqualTo(SummaryFormat.HTML);
        assertThat(SummaryFormat.forFileName("C:\\Tickets\\SUMMARY.HTM")).isEqualTo(SummaryFormat.HTML);
        assertThat(SummaryFormat.forFileName("ticket.md")).isEqualTo(SummaryFormat.MARKDOWN);
        assertThat(SummaryFormat.forFileName("ticket.txt")).isEqualTo(SummaryFormat.MARKDOWN);
        assertThat(SummaryFormat.forFileName("ticket.markdown")).isEqualTo(SummaryFormat.MARKDOWN);
        assertThat(SummaryFormat.forFileName("review.JSON")).isEqualTo(SummaryFormat.JSON);

        for (String name : new String[] {"summary.pdf", "summary", "my.folder/summary", "summary.json.bak"}) {
            UserFacingException unknown =
                    catchThrowableOfType(() -> SummaryFormat.forFileName(name), UserFacingException.class);
            assertThat(unknown.messageKey()).as(name).isEqualTo("summary.error.format");
            assertThat(ENGLISH.get(unknown.messageKey(), unknown.args()))
                    .contains(name, ".html", ".md", ".txt", ".json");
        }
    }

    @Test
    void savingWritesEachFormatAndNeverLeavesHalfAFile() throws Exception {
        for (String name : new String[] {"s.html", "s.md", "s.json"}) {
            Path file = folder.resolve("new folder").resolve(name);
            SummaryFormat format = SummaryFormat.save(summary, file);
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(format.render(summary));
        }
        Path notAFolder = Files.writeString(folder.resolve("occupied"), "a file, not a folder");

        UserFacingException failed = catchThrowableOfType(
                () -> SummaryFormat.save(summary, notAFolder.resolve("summary.html")), UserFacingException.class);

        assertThat(failed.messageKey()).isEqualTo("summary.error.write");
        assertThat(ENGLISH.get(failed.messageKey(), failed.args()))
                .startsWith("Could not write " + notAFolder.resolve("summary.html"));
        try (var left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aSaveThatFailsSaysWhyAndWhatToDoWithoutTheExceptionText() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("Reports"), "a file, not a folder");

        UserFacingException failed = catchThrowableOfType(
                () -> SummaryFormat.save(summary, notAFolder.resolve("summary.html")), UserFacingException.class);

        String english = ENGLISH.get(failed.messageKey(), failed.args());
        assertThat(english)
                .contains("because " + notAFolder + " is a file, not a folder. Move or rename that file")
                .doesNotContain("java.")
                .doesNotContain("Exception");
        String swedish = Messages.forLocale(Languages.SWEDISH).get(failed.messageKey(), failed.args());
        assertThat(swedish)
                .startsWith("Kunde inte skriva " + notAFolder.resolve("summary.html"))
                .contains("eftersom " + notAFolder + " är en fil, inte en mapp")
                .doesNotContain("java.");
    }

    @Test
    void theHtmlNeedsNothingFromOutsideAndReadsOnAPhoneAndOnPaper() {
        String html = SummaryFormat.HTML.render(summary);

        assertThat(html)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("src=")
                .doesNotContainIgnoringCase("url(")
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContainIgnoringCase("@import");
        assertThat(html)
                .contains(
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                        "default-src 'none'",
                        "@media print",
                        "max-width:60rem",
                        "overflow-x:auto");
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    }

    private static String key(Path file) {
        return catchThrowableOfType(() -> DiagnosisSummary.read(file), UserFacingException.class)
                .messageKey();
    }
}
