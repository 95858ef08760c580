package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three formats of one realistic diagnosis, compared line by line with reviewed golden files, so any change in
 * what a helpdesk receives is seen in review. Regenerate with {@value Golden#REGENERATE}.
 */
class SummaryGoldenTest {

    private static DiagnosisSummary english;
    private static DiagnosisSummary swedish;

    @BeforeAll
    static void build() {
        SampleCase sample = SampleCase.realistic();
        SummaryBuilder builder = new SummaryBuilder();
        english = builder.build(sample.caseFile(), sample.conclusion(), Messages.forLocale(Languages.ENGLISH));
        swedish = builder.build(sample.caseFile(), sample.conclusion(), Messages.forLocale(Languages.SWEDISH));
    }

    @Test
    void html() throws IOException {
        Golden.assertMatches("summary-en.html", SummaryFormat.HTML.render(english));
    }

    @Test
    void markdown() throws IOException {
        Golden.assertMatches("summary-en.md", SummaryFormat.MARKDOWN.render(english));
    }

    @Test
    void json() throws IOException {
        Golden.assertMatches("summary-en.json", SummaryFormat.JSON.render(english));
    }

    /**
     * A summary saved before the case file was built another way opens, is the same summary as the one built now,
     * and saves again byte for byte: how a case is assembled must never change what a colleague's file says.
     */
    @Test
    void aSavedCaseOpensAsTheSameSummaryAndSavesAgainUnchanged() throws Exception {
        String saved = Files.readString(Golden.FOLDER.resolve("summary-en.json"), StandardCharsets.UTF_8);

        DiagnosisSummary opened = DiagnosisSummary.parse(saved, "summary-en.json");

        assertThat(opened).isEqualTo(english);
        assertThat(SummaryFormat.JSON.render(opened).replace("\r\n", "\n")).isEqualTo(saved.replace("\r\n", "\n"));
    }

    @Test
    void swedishMarkdown() throws IOException {
        Golden.assertMatches("summary-sv.md", SummaryFormat.MARKDOWN.render(swedish));
    }

    @Test
    void redactedMarkdown() throws IOException {
        Golden.assertMatches("summary-en-redacted.md", SummaryFormat.MARKDOWN.render(english.redact()));
    }
}
