package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the input never acts on the terminal: an NDR, a log's EHLO name, a zip entry name or a registry string
 * with escape sequences, bidi overrides, zero-width characters or line breaks is printed visibly, on its own line.
 */
class TerminalEscapeTest {

    /** Retitles the terminal window and clears the screen, as the NDR of the finding did. */
    static final String ESCAPES = "\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202eevil\u202c\u200bhidden";

    @TempDir
    Path dir;

    /** Nothing a terminal acts on: no C0 control but the line ends, no DEL or C1, no bidi or zero-width character. */
    static void assertTerminalSafe(String output) {
        assertThat(output).isNotEmpty();
        output.codePoints()
                .forEach(c -> assertThat(c < 0x20 && c != '\n' && c != '\r'
                                || c >= 0x7F && c <= 0x9F
                                || c >= 0x200B && c <= 0x200F
                                || c >= 0x202A && c <= 0x202E
                                || c >= 0x2066 && c <= 0x2069
                                || c == 0xFEFF)
                        .as("U+%04X in the output:%n%s", c, output)
                        .isFalse());
    }

    @Test
    void classifyShowsEscapesInAnNdrInsteadOfActingOnThem() throws IOException {
        Path ndr = Files.writeString(
                dir.resolve("ndr.txt"),
                String.join(
                        "\n",
                        "Delivery has failed to these recipients or groups:",
                        "Remote Server returned '421 4.4.2 Connection dropped due to SocketError' " + ESCAPES),
                StandardCharsets.UTF_8);

        CliRunner text = CliRunner.run("", "classify", ndr.toString());

        assertThat(text.exitCode()).isZero();
        assertTerminalSafe(text.out());
        assertThat(text.out()).contains("␛]0;PWNED␇␛[2J", "‹U+202E›evil");
    }

    @Test
    void logsShowsAForgedZipEntryNameAndAHostileEhloNameOnTheirOwnLines() throws IOException {
        String rows = String.join(
                "\r\n",
                "#Software: Microsoft Exchange Server",
                "#Version: 15.02.1544.004",
                "#Log-type: SMTP Send Protocol Log",
                "#Date: 2026-11-27T08:00:00.000Z",
                "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context",
                "2026-11-27T08:00:00.100Z,Outbound\u001b[2J,08DE2C1A00000000,0,,104.47.22.138:25,+,,attempting to connect",
                "2026-11-27T08:00:00.300Z,Outbound\u001b[2J,08DE2C1A00000000,1,10.0.0.5:5000,104.47.22.138:25,>,EHLO ex01"
                        + ESCAPES + ",",
                "2026-11-27T08:00:00.700Z,Outbound\u001b[2J,08DE2C1A00000000,2,10.0.0.5:5000,104.47.22.138:25,*,,TLS negotiation failed with error SocketError",
                "2026-11-27T08:00:00.800Z,Outbound\u001b[2J,08DE2C1A00000000,3,10.0.0.5:5000,104.47.22.138:25,-,,Remote(SocketError)",
                "");
        Path zip = dir.resolve("logs.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("SmtpSend" + ESCAPES + "/SEND20261127-1.LOG"));
            out.write(rows.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("RECV20261127-1.LOG\n  All logs clean: no TLS problems found\u001b[2J"));
            out.write(new byte[] {0, 1, 2, 3, 0, 0, 0, 0});
            out.closeEntry();
        }

        CliRunner text = CliRunner.run("", "logs", zip.toString());

        assertTerminalSafe(text.out() + text.err());
        assertThat(text.out()).as(text.err()).contains("EHLO ex01␛]0;PWNED␇␛[2J", "SmtpSend␛]0;PWNED␇");
        assertThat((text.out() + text.err()).lines()).noneMatch(line -> line.startsWith("  All logs clean"));
    }

    @Test
    void registryShowsEscapesInAMalformedExportVisibly() throws IOException {
        Path os = dir.resolve("os.reg");
        Files.write(
                os,
                ("\uFEFF"
                                + String.join(
                                        "\r\n",
                                        "Windows Registry Editor Version 5.00",
                                        "",
                                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                                        "\"CurrentBuild\"=\"17763\"",
                                        "\"ProductName\"=\"Windows Server 2019" + ESCAPES + "\"",
                                        "\"UBR\"=dword:00001b0d",
                                        "\"Evil\"=bogus" + ESCAPES,
                                        ""))
                        .getBytes(StandardCharsets.UTF_16LE));

        CliRunner text = CliRunner.run("", "registry", "--reg-file", os.toString());

        assertTerminalSafe(text.out() + text.err());
        assertThat(text.out() + text.err()).contains("␛[2J");
    }

    @Test
    void anErrorThatQuotesAFileNameShowsItsEscapesVisibly() {
        CliRunner missing = CliRunner.run(
                "", "classify", dir.resolve("gone" + ESCAPES + ".txt").toString());

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertTerminalSafe(missing.err());
        assertThat(missing.err()).contains("␛[2J");
    }
}
