package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a Windows console in code page 850 or 437 shows of TLS Doctor's text: no '?' where a spelling exists. */
class ConsoleOutputTest {

    private static String through(Charset charset, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter writer = ConsoleOutput.writer(bytes, charset);
        writer.print(text);
        writer.flush();
        return bytes.toString(charset);
    }

    @Test
    void arrowsAndEllipsesGetAsciiSpellingsAndSwedishLettersStayInTheOemCodePages() {
        String text = "Lokalt → Exchange Online … Åtgärd: kör “reg export” — klart";
        assertThat(through(Charset.forName("IBM850"), text))
                .isEqualTo("Lokalt -> Exchange Online ... Åtgärd: kör \"reg export\" - klart");
        assertThat(through(Charset.forName("IBM437"), text))
                .isEqualTo("Lokalt -> Exchange Online ... Åtgärd: kör \"reg export\" - klart");
    }

    @Test
    void aCodePageWithoutTheLettersDropsTheAccentRatherThanPrintingAQuestionMark() {
        assertThat(through(StandardCharsets.US_ASCII, "Åtgärd: köfel → 421")).isEqualTo("Atgard: kofel -> 421");
        assertThat(through(StandardCharsets.US_ASCII, "日本")).isEqualTo("??");
    }

    @Test
    void utf8PassesEverythingUnchanged() {
        String text = "Lokalt → Exchange Online … Åtgärd 😀";
        assertThat(through(StandardCharsets.UTF_8, text)).isEqualTo(text);
    }
}
