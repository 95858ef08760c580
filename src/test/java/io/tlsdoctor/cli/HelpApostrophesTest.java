package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundles write an apostrophe as '' (MessageFormat's rule); picocli reads option descriptions from the bundle
 * itself, so without care the help says "The server''s name".
 */
class HelpApostrophesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "collect",
                "compare",
                "connectors",
                "registry",
                "fix",
                "fix apply",
                "diagnose",
                "bundle",
                "logs"
            })
    void helpShowsOneApostropheInBothLanguages(String command) {
        for (String lang : List.of("en", "sv")) {
            List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
            args.addAll(List.of("--help", "--lang=" + lang));
            CliRunner help = CliRunner.run("", args.toArray(String[]::new));
            assertThat(help.exitCode()).isZero();
            assertThat(help.out())
                    .as("%s --help in %s", command, lang)
                    .contains("tlsdoctor")
                    .doesNotContain("''");
        }
    }
}
