package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * --json on a Windows console or redirected to a file: the console's code page (850) and PowerShell 5.1's decoding
 * of a program's output garble anything but ASCII, so the JSON is pure ASCII with \\u escapes, and reads back whole.
 */
class JsonOutputEncodingTest {

    @Test
    void swedishJsonIsAsciiWithEscapesAndParsesBackToTheSameText() throws Exception {
        CliRunner result = CliRunner.run(
                "LastError : 421 4.4.2 Connection dropped due to SocketError", "classify", "--json", "--lang=sv");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().chars().filter(c -> c >= 128).count())
                .as("non-ASCII characters in the JSON")
                .isZero();
        assertThat(result.out()).contains("\\u00F6"); // ö, escaped
        JsonNode json = Json.mapper().readTree(result.out());
        assertThat(json.toString()).contains("ö");
    }
}
