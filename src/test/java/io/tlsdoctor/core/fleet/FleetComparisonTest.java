package io.tlsdoctor.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.report.FleetSummary;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.fleet.FleetServers;
import io.tlsdoctor.fleet.FleetServers.Spec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Many servers' snapshots compared: what a reader of the comparison is told, in words. */
class FleetComparisonTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    private static FleetReport compare(Spec... specs) throws Exception {
        FleetComparison comparison = new FleetComparison(CLOCK);
        for (Spec spec : specs) {
            comparison.add(spec.name() + ".tlsdoctor.json", FleetServers.snapshot(spec, AT));
        }
        return comparison.finish();
    }

    private static String text(FleetReport report, Messages m) {
        return SummaryFormat.readable(FleetSummary.of(report, m, CLOCK));
    }

    @Test
    void theOneServerWithTls12ClientOffIsNamedAsTheOneThatSendsTheNdrs() throws Exception {
        FleetReport report = compare(
                FleetServers.healthy("EX01"),
                FleetServers.healthy("EX02"),
                FleetServers.healthy("EX03").clientOff(),
                FleetServers.healthy("EX04"),
                FleetServers.healthy("EX05"));

        String text = text(report, EN);
        assertThat(text)
                .contains(
                        "EX03 is the only server whose SChannel Client has TLS 1.2 off: it is the one that sends the 421 NDRs");
        assertThat(text).contains("1 of 5 servers cannot use TLS 1.2");
        ServerRow ex03 = report.rows().get(2);
        assertThat(ex03.server()).isEqualTo("EX03");
        assertThat(ex03.outbound()).isFalse();
        assertThat(ex03.inbound()).isTrue();
        assertThat(ex03.plan()).isNotNull();
        assertThat(ex03.plan().changes()).anySatisfy(change -> {
            assertThat(change.location().keyPath()).endsWith("TLS 1.2\\Client");
            assertThat(change.target().number())
                    .isEqualTo(change.location().name().equals("Enabled") ? 1L : 0L);
        });
        assertThat(report.rows())
                .filteredOn(row -> !row.server().equals("EX03"))
                .allSatisfy(row -> assertThat(row.plan()).isNull());
        assertThat(report.differences()).extracting(Difference::check).containsExactly(FleetCheck.TLS12_CLIENT);
        // the fix section names EX03 and the value to set, and only EX03
        assertThat(text).contains("TLS 1.2\\Client\\Enabled: REG_DWORD 0x00000000 (0) -> REG_DWORD 0x00000001 (1)");
        assertThat(text.substring(text.indexOf("Fix per server")))
                .contains("EX03")
                .doesNotContain("EX01");
    }

    @Test
    void halfTheServersDifferingIsASplitWithNoOutlierClaimed() throws Exception {
        FleetReport report = compare(
                FleetServers.healthy("EX01"),
                FleetServers.healthy("EX02").clientOff(),
                FleetServers.healthy("EX03"),
                FleetServers.healthy("EX04").clientOff());

        String text = text(report, EN);
        assertThat(report.differences())
                .singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(Difference.Kind.SPLIT));
        assertThat(text).doesNotContain("only server").doesNotContain("only servers");
        assertThat(text)
                .contains("The servers are split on TLS 1.2 Client")
                .contains("off on EX02 and EX04")
                .contains("on on EX01 and EX03");
    }

    @Test
    void oneAgainstOneIsASplitToo() throws Exception {
        FleetReport report = compare(
                FleetServers.healthy("EX01"), FleetServers.healthy("EX02").serverOff());

        assertThat(report.differences())
                .singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(Difference.Kind.SPLIT));
        assertThat(text(report, EN)).doesNotContain("only server");
    }

    @Test
    void aMinorityOfSeveralServersIsNamedTogetherAgainstTheMajority() throws Exception {
        FleetReport report = compare(
                FleetServers.healthy("EX01"),
                FleetServers.healthy("EX02"),
                FleetServers.healthy("EX03"),
                FleetServers.healthy("EX04").serverOff(),
                FleetServers.healthy("EX05").serverOff());

        assertThat(text(report, EN))
                .contains("EX04 and EX05 are the only servers whose SChannel Server has TLS 1.2 off: "
                        + "mail from Exchange Online fails only when it is routed to these servers");
    }

    @Test
    void anOddBuildIsNamedWithWhatTheOthersRun() throws Exception {
        FleetReport report = compare(
                FleetServers.healthy("EX01"),
                FleetServers.healthy("EX02"),
                FleetServers.healthy("EX03").exchangeBuild(1258, 12));

        assertThat(text(report, EN))
                .containsPattern("EX03 is the only server whose Exchange build is [^;]*15\\.2\\.1258\\.12\\); "
                        + "the other 2: [^.]*15\\.2\\.1544\\.4");
    }

    @Test
    void whatEveryServerAgreesOnIsSaidOnce() throws Exception {
        FleetReport report = compare(FleetServers.healthy("EX01"), FleetServers.healthy("EX02"));

        String text = text(report, EN);
        assertThat(text)
                .contains("The servers do not differ in any check.")
                .contains("Same on every server: TLS 1.2 Client, TLS 1.2 Server");
        assertThat(text)
                .contains("All 2 servers can send to and receive from Exchange Online with TLS 1.2")
                .contains("No server needs a change.");
    }

    @Test
    void theComparisonReadsInSwedish() throws Exception {
        FleetReport report = compare(
                FleetServers.healthy("EX01"),
                FleetServers.healthy("EX02"),
                FleetServers.healthy("EX03").clientOff());

        assertThat(text(report, Messages.forLocale(Locale.forLanguageTag("sv"))))
                .contains(
                        "EX03 är den enda server vars SChannel-klient har TLS 1.2 av: det är den som skickar 421-NDR:erna");
    }

    @Test
    void aSecondSnapshotOfOneServerKeepsTheNewerAndSaysSo() throws Exception {
        FleetComparison comparison = new FleetComparison(CLOCK);
        comparison.add(
                "old.json", FleetServers.snapshot(FleetServers.healthy("EX01").clientOff(), AT.minusSeconds(3600)));
        comparison.add("new.json", FleetServers.snapshot(FleetServers.healthy("ex01"), AT));
        FleetReport report = comparison.finish();

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.source()).isEqualTo("new.json");
            assertThat(row.outbound()).isTrue();
        });
        assertThat(report.problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(EN.get(p.messageKey(), p.args().toArray()))
                                .isEqualTo(
                                        "old.json is a second snapshot of EX01; the newer one, new.json, is compared. Remove the older file."));
    }

    @Test
    void manyOutliersAreListedWithACountNotAnEndlessSentence() throws Exception {
        List<Spec> specs = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            Spec spec = FleetServers.healthy(String.format("EX%02d", i));
            specs.add(i <= 10 ? spec.clientOff() : spec);
        }
        FleetReport report = compare(specs.toArray(Spec[]::new));

        assertThat(text(report, EN))
                .contains("EX01, EX02, EX03, EX04, EX05, EX06, EX07, EX08 and 2 more are the only servers whose "
                        + "SChannel Client has TLS 1.2 off");
    }
}
