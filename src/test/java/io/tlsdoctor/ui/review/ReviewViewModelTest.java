package io.tlsdoctor.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved summary reviewed without the toolkit: shown as its author saw it, with who made it, where and when. */
class ReviewViewModelTest {

    @TempDir
    Path dir;

    private final DirectTaskRunner runner = DirectTaskRunner.held();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ReviewViewModel review = new ReviewViewModel(runner, i18n);

    private Path savedSummary() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/io/tlsdoctor/core/report/summary-en.json")) {
            return Files.write(dir.resolve("ticket.json"), in.readAllBytes());
        }
    }

    @Test
    void aSavedSummaryShowsItsDocumentAndItsOriginInTheReadersLanguage() throws Exception {
        Path file = savedSummary();

        review.open(file);
        assertThat(review.loadingProperty().get())
                .as("the window says it is reading")
                .isTrue();
        assertThat(review.fileNameProperty().get()).isEqualTo("ticket.json");
        runner.runAll();

        assertThat(review.loadingProperty().get()).isFalse();
        assertThat(review.problemProperty().get()).isEmpty();
        assertThat(review.documentProperty().get())
                .isEqualTo(SummaryFormat.readable(DiagnosisSummary.read(file)))
                .contains("Non-delivery report: 421 4.4.2 Connection dropped due to SocketError");
        assertThat(review.originProperty().get())
                .startsWith("Made by CONTOSO\\jdoe on EX01 at ")
                .doesNotContain("Names and addresses were hidden");
        String document = review.documentProperty().get();

        i18n.setLocale(Locale.forLanguageTag("sv"));

        assertThat(review.originProperty().get()).startsWith("Gjord av CONTOSO\\jdoe på EX01 ");
        assertThat(review.documentProperty().get())
                .as("the document stays as its author saw it")
                .isEqualTo(document);
    }

    @Test
    void aFolderChosenAsTheSummaryIsNamedWithTheWayOnInBothLanguages() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("ticket-4711.json"));

        review.open(folder);
        runner.runAll();

        assertThat(review.problemProperty().get())
                .isEqualTo(folder + " could not be read because " + folder
                        + " is a folder, not a file. Choose the file in it, then try again.");
        review.open(folder);
        i18n.setLocale(Locale.forLanguageTag("sv"));
        runner.runAll();
        assertThat(review.problemProperty().get())
                .startsWith(folder + " kunde inte läsas eftersom " + folder + " är en mapp, inte en fil.")
                .doesNotContain("Is a directory")
                .doesNotContain("Exception");
    }

    @Test
    void aFileThatIsNoSummaryIsNamedAndNothingOfAnEarlierOneStays() throws Exception {
        review.open(savedSummary());
        runner.runAll();
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"schema\":\"tlsdoctor.fix-plan/1\"}");

        review.open(plan);
        runner.runAll();

        assertThat(review.problemProperty().get()).contains("plan.json").doesNotContain("Exception");
        assertThat(review.documentProperty().get()).isEmpty();
        assertThat(review.originProperty().get()).isEmpty();
        assertThat(review.fileNameProperty().get()).isEqualTo("plan.json");
    }

    @Test
    void aSummaryWithAFieldChangedByHandSaysWhichFieldWhereAndToSaveItAgainNotJacksonsText() throws Exception {
        String good = Files.readString(savedSummary());
        Path edited = Files.writeString(
                dir.resolve("ticket-4711.json"),
                good.replaceFirst("\"computerName\" : \"EX01\"", "\"computerName\" : { \"name\" : \"EX01\" }"));

        review.open(edited);
        runner.runAll();

        assertThat(review.problemProperty().get())
                .isEqualTo("ticket-4711.json is not a summary TLS Doctor can open: the field context.computerName at"
                        + " line 7, column 22 has the wrong kind of value. Save the summary again from TLS Doctor"
                        + " (the Summary step, or tlsdoctor diagnose --out summary.json), or ask whoever sent it for"
                        + " the original file.");
        review.open(edited);
        i18n.setLocale(Locale.forLanguageTag("sv"));
        runner.runAll();
        assertThat(review.problemProperty().get())
                .startsWith("ticket-4711.json är ingen sammanfattning som TLS Doctor kan öppna: fältet"
                        + " context.computerName på rad 7, kolumn 22 har fel typ av värde. Spara sammanfattningen"
                        + " igen från TLS Doctor")
                .doesNotContain("Cannot deserialize")
                .doesNotContain("java.")
                .doesNotContain("[Source:");
    }

    @Test
    void aSummaryCutShortInACopySaysSoWithTheLineNotThatItIsNoJsonFile() throws Exception {
        String good = Files.readString(savedSummary());
        Path cut = Files.writeString(dir.resolve("ticket-4711.json"), good.substring(0, 400));

        review.open(cut);
        runner.runAll();

        assertThat(review.problemProperty().get())
                .startsWith("ticket-4711.json is not a summary TLS Doctor can open: it is cut off at line ")
                .contains(", before the summary ends. Save the summary again from TLS Doctor")
                .doesNotContain("is not a JSON file")
                .doesNotContain("end-of-input")
                .doesNotContain("Exception");
    }
}
