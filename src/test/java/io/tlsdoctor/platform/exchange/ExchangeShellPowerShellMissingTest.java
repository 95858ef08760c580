package io.tlsdoctor.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.platform.schannel.PowerShellMissingWordingTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Reading Exchange live where Windows PowerShell is not there: which program and why, in English and Swedish. */
@DisabledOnOs(OS.WINDOWS) // here powershell.exe is surely absent
class ExchangeShellPowerShellMissingTest {

    @Test
    void readingExchangeLiveSaysPowerShellIsNotThere() {
        ConnectorInputException refused = catchThrowableOfType(
                () -> new ExchangeShellConnectorSource("ex01.contoso.com").collect(), ConnectorInputException.class);
        assertThat(refused.messageKey()).isEqualTo("connectors.live.noPowerShell");
        PowerShellMissingWordingTest.plainInBothLanguages(refused.messageKey(), List.of(refused.args()));
    }
}
