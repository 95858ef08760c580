package io.tlsdoctor.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.fleet.FleetCollection;
import io.tlsdoctor.fleet.FleetServers;
import io.tlsdoctor.platform.fleet.OfflineServerCollector;
import io.tlsdoctor.platform.registry.PlatformRegistrySources;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet view's ViewModel without the toolkit: what the user is shown after opening a folder or checking live. */
class FleetViewModelTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @TempDir
    Path folder;

    private void share(int servers) throws Exception {
        for (int i = 1; i <= servers; i++) {
            String name = String.format("EX%02d", i);
            FleetServers.writeSnapshot(
                    folder, i == 3 ? FleetServers.healthy(name).clientOff() : FleetServers.healthy(name), AT);
        }
    }

    private FleetViewModel viewModel(I18n i18n, OfflineServerCollector live) {
        return new FleetViewModel(
                DirectTaskRunner.immediate(),
                i18n,
                new PlatformRegistrySources(),
                live == null ? null : host -> live,
                new FleetCollection.Options(3, Duration.ofSeconds(2)),
                Clock.systemUTC());
    }

    @Test
    void aFolderOfSnapshotsShowsTheOutlierTheTableAndTheSelectedServersFix() throws Exception {
        share(6);
        I18n i18n = new I18n(Locale.ENGLISH);
        FleetViewModel model = viewModel(i18n, null);

        model.openFolder(folder);

        assertThat(model.bottomLineProperty().get()).startsWith("1 of 6 servers cannot use TLS 1.2");
        assertThat(model.brokenProperty().get()).isTrue();
        assertThat(model.differences())
                .containsExactly("EX03 is the only server whose SChannel Client has TLS 1.2 off: "
                        + "it is the one that sends the 421 NDRs (its mail to Exchange Online cannot use TLS 1.2).");
        assertThat(model.rows()).hasSize(6);
        assertThat(model.columns())
                .startsWith("Server", "To Exchange Online", "From Exchange Online", "TLS 1.2 Client");
        assertThat(model.statusProperty().get())
                .isEqualTo("6 servers compared; 0 could not be (listed below with what to do).");

        model.selectedProperty().set(model.rows().get(2));
        assertThat(model.selectedFixProperty().get())
                .startsWith("What to change on EX03:")
                .contains("TLS 1.2\\Client\\Enabled");
        model.selectedProperty().set(model.rows().get(0));
        assertThat(model.selectedFixProperty().get()).isEqualTo("EX01 needs no change.");

        model.onlyNeedingChangeProperty().set(true);
        assertThat(model.rows()).extracting(FleetRow::server).containsExactly("EX03");

        i18n.setLocale(Locale.forLanguageTag("sv"));
        assertThat(model.differences())
                .singleElement()
                .asString()
                .startsWith("EX03 är den enda server vars SChannel-klient har TLS 1.2 av");
        assertThat(model.columns()).startsWith("Server", "Till Exchange Online");
    }

    @Test
    void serversCheckedLiveListTheOnesThatCouldNotBeReadWithWhatToDo() throws Exception {
        share(5);
        OfflineServerCollector twin = new OfflineServerCollector(folder)
                .with("EX04", OfflineServerCollector.Behaviour.denied())
                .with("EX05", OfflineServerCollector.Behaviour.slow(Duration.ofSeconds(30)));
        FleetViewModel model = viewModel(new I18n(Locale.ENGLISH), twin);
        assertThat(model.liveAvailable()).isTrue();

        model.serverNamesProperty().set("EX01, EX02\nEX03;EX04  EX05");
        model.checkServers();

        assertThat(model.rows()).extracting(FleetRow::server).containsExactly("EX01", "EX02", "EX03");
        assertThat(model.problems()).hasSize(2);
        assertThat(model.problems().get(0)).startsWith("EX04 refused to let you read its registry");
        assertThat(model.problems().get(1)).startsWith("EX05 did not answer within 2 seconds");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aServerWhoseReadFailsForAReasonNotForeseenIsListedWithTheWayOnNotTheExceptionsText() {
        FleetViewModel model = new FleetViewModel(
                DirectTaskRunner.immediate(),
                new I18n(Locale.ENGLISH),
                new PlatformRegistrySources(),
                host -> (server, deadline) -> {
                    throw new IllegalStateException("index 3 out of bounds for length 3");
                },
                new FleetCollection.Options(3, Duration.ofSeconds(2)),
                Clock.systemUTC());

        model.serverNamesProperty().set("EX01");
        model.checkServers();

        assertThat(model.problems())
                .containsExactly("EX01 could not be read for a reason TLS Doctor did not expect; the details are in the"
                        + " log. Run 'tlsdoctor collect' on it, and if it happens again, save a support bundle (it"
                        + " holds the log) and attach it to your ticket.");
    }

    @Test
    void withoutLiveChecksTheUserIsToldToOpenAFolder() {
        FleetViewModel model = viewModel(new I18n(Locale.ENGLISH), null);
        model.serverNamesProperty().set("EX01");
        model.checkServers();

        assertThat(model.statusProperty().get())
                .isEqualTo("Checking servers live needs Windows; open a folder of snapshots instead.");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void savingWithNamesHiddenLeavesNoServerNameInTheFile() throws Exception {
        share(4);
        FleetViewModel model = viewModel(new I18n(Locale.ENGLISH), null);
        model.openFolder(folder);
        model.hideNamesProperty().set(true);
        Path page = folder.resolveSibling(folder.getFileName() + "-fleet.html");

        model.export(page);

        String html = Files.readString(page);
        assertThat(html).contains("host-3 is the only server whose SChannel Client has TLS 1.2 off");
        assertThat(html)
                .doesNotContain("EX01")
                .doesNotContain("EX02")
                .doesNotContain("EX03")
                .doesNotContain("EX04");
        assertThat(model.statusProperty().get())
                .isEqualTo("Saved to " + page + ", with server names and other names hidden");
        Files.delete(page);
    }

    @Test
    void aSnapshotWithAFieldChangedByHandIsListedWithTheFieldTheLineAndToCollectItAgain() throws Exception {
        share(2);
        Path edited = FleetServers.writeSnapshot(folder, FleetServers.healthy("EX03"), AT);
        Files.writeString(
                edited, Files.readString(edited).replaceFirst("\"server\" : \"EX03\"", "\"server\" : [ \"EX03\" ]"));

        FleetViewModel english = viewModel(new I18n(Locale.ENGLISH), null);
        english.openFolder(folder);
        FleetViewModel swedish = viewModel(new I18n(Locale.forLanguageTag("sv")), null);
        swedish.openFolder(folder);

        assertThat(english.rows()).hasSize(2);
        assertThat(english.problems())
                .containsExactly(edited + " is not a snapshot TLS Doctor can compare: the field server at line 3,"
                        + " column 14 has the wrong kind of value. Run 'tlsdoctor collect' on that server again and"
                        + " put the new file in place of this one.");
        assertThat(swedish.problems())
                .singleElement()
                .asString()
                .startsWith(edited + " är ingen ögonblicksbild som TLS Doctor kan jämföra: fältet server på rad 3,"
                        + " kolumn 14 har fel typ av värde. Kör 'tlsdoctor collect' på den servern igen")
                .doesNotContain("java.")
                .doesNotContain("[Source:");
    }
}
