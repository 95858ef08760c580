package io.tlsdoctor.platform.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.fleet.CollectFailure;
import io.tlsdoctor.core.fleet.ServerSnapshot;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.text.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The live collector against this Windows computer as a remote one ({@code \\localhost}), as the CI runner can: the
 * Remote Registry service answers there or the user is told exactly how to make it answer.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsServerCollectorTest {

    @Test
    void localhostIsReadThroughTheRemoteRegistryOrTheWayOutIsGiven() throws Exception {
        WindowsServerCollector collector = new WindowsServerCollector(List.of(), Duration.ofSeconds(10), null);
        try {
            ServerSnapshot snapshot = collector.collect("localhost", Duration.ofSeconds(60));
            assertThat(snapshot.server()).isEqualTo("localhost");
            assertThat(snapshot.registry().isLive()).isTrue();
            assertThat(snapshot.registry().sources()).containsExactly("localhost");
            assertThat(snapshot.registry().covers(RegistryPaths.PROTOCOLS)).isTrue();
            assertThat(snapshot.registry().hasKey(RegistryPaths.OS))
                    .as("Windows' own version key is always there")
                    .isTrue();
        } catch (CollectFailure e) {
            String message = Messages.forLocale(Locale.ENGLISH).get(e.messageKey(), e.args());
            assertThat(e.kind()).isIn(CollectFailure.Kind.UNREACHABLE, CollectFailure.Kind.DENIED);
            assertThat(message).startsWith("localhost ").contains("tlsdoctor collect");
        }
    }

    @Test
    void aServerThatDoesNotExistIsUnreachableWithTheWayOut() {
        WindowsServerCollector collector = new WindowsServerCollector(List.of(), Duration.ofSeconds(10), null);
        try {
            collector.collect("tlsdoctor-no-such-server.invalid", Duration.ofSeconds(60));
            throw new AssertionError("a server that does not exist was read");
        } catch (CollectFailure e) {
            assertThat(e.kind()).isEqualTo(CollectFailure.Kind.UNREACHABLE);
            assertThat(Messages.forLocale(Locale.ENGLISH).get(e.messageKey(), e.args()))
                    .startsWith("tlsdoctor-no-such-server.invalid could not be reached for its registry");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
