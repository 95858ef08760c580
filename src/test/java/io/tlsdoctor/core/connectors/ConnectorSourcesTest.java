package io.tlsdoctor.core.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule for where the connectors check reads, shared by {@code connectors} and {@code diagnose}. */
class ConnectorSourcesTest {

    private final List<String> asked = new ArrayList<>();

    private final ConnectorSources sources = new ConnectorSources() {
        @Override
        public boolean liveAvailable() {
            return true;
        }

        @Override
        public ConnectorSource live(String server) {
            asked.add("live " + server);
            return () -> {
                throw new ConnectorInputException("connectors.live.notWindows", "test");
            };
        }

        @Override
        public ConnectorSource fromFiles(List<Path> files) {
            asked.add("files " + files);
            return ConnectorSources.super.fromFiles(files);
        }
    };

    @Test
    void savedFilesAreReadWhenGiven() {
        assertThat(sources.choose(List.of(Path.of("connectors.txt")), null))
                .containsInstanceOf(SavedConnectorOutput.class);
        assertThat(asked).containsExactly("files [connectors.txt]");
    }

    @Test
    void aServerIsReadLiveWithoutTheBlanksAroundItsName() {
        assertThat(sources.choose(List.of(), " ex01.contoso.com ")).isPresent();
        assertThat(asked).containsExactly("live ex01.contoso.com");
    }

    @Test
    void neitherGivenChoosesNothing() {
        assertThat(sources.choose(List.of(), null)).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void filesAndAServerTogetherAreRefusedBeforeEitherIsOpened() {
        assertThatThrownBy(() -> sources.choose(List.of(Path.of("connectors.txt")), "ex01"))
                .isInstanceOf(ConnectorSources.BothGiven.class);
        assertThat(asked).isEmpty();
    }
}
