package io.tlsdoctor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Provenance;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who ran TLS Doctor where, as the summary states it. */
class ThisComputerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:00Z"), ZoneOffset.UTC);

    @Test
    void onWindowsTheComputerNameAndTheDomainUserComeFromTheEnvironment() {
        Provenance provenance = ThisComputer.provenance(
                CheckMode.LIVE,
                Map.of("COMPUTERNAME", "EX01", "USERDOMAIN", "CONTOSO", "USERNAME", "anna.admin"),
                "Windows Server 2019",
                "anna.admin",
                () -> "ex01.contoso.local",
                CLOCK);

        assertThat(provenance.computerName()).isEqualTo("EX01");
        assertThat(provenance.userName()).isEqualTo("CONTOSO\\anna.admin");
        assertThat(provenance.when()).isEqualTo(Instant.parse("2026-11-27T10:15:00Z"));
        assertThat(provenance.mode()).isEqualTo(CheckMode.LIVE);
        assertThat(provenance.toolVersion()).isNotBlank();
    }

    @Test
    void onWindowsWithoutADomainTheUserStandsAlone() {
        Provenance provenance = ThisComputer.provenance(
                CheckMode.OFFLINE,
                Map.of("COMPUTERNAME", "HELPDESK7", "USERNAME", "bo"),
                "Windows 11",
                "bo",
                () -> "helpdesk7",
                CLOCK);

        assertThat(provenance.userName()).isEqualTo("bo");
        assertThat(provenance.mode()).isEqualTo(CheckMode.OFFLINE);
    }

    @Test
    void elsewhereTheHostNameAndTheAccountAreUsedEvenIfWindowsVariablesAreSet() {
        Provenance provenance = ThisComputer.provenance(
                CheckMode.OFFLINE,
                Map.of("COMPUTERNAME", "WRONG", "USERNAME", "WRONG"),
                "Linux",
                "support",
                () -> "desk.example",
                CLOCK);

        assertThat(provenance.computerName()).isEqualTo("desk.example");
        assertThat(provenance.userName()).isEqualTo("support");
    }

    @Test
    void nothingKnownSaysUnknownRatherThanNothing() {
        Provenance provenance = ThisComputer.provenance(CheckMode.OFFLINE, Map.of(), "Linux", " ", () -> null, CLOCK);

        assertThat(provenance.computerName()).isEqualTo("unknown");
        assertThat(provenance.userName()).isEqualTo("unknown");
    }
}
