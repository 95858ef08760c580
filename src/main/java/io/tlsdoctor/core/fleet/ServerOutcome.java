package io.tlsdoctor.core.fleet;

import java.time.Duration;
import java.util.List;

/**
 * What became of one server in a live collection: its snapshot, or the failure with the way out.
 *
 * @param failureKey a {@code fleet.live.*} message key when it failed, else null
 */
public record ServerOutcome(
        String server,
        ServerSnapshot snapshot,
        CollectFailure.Kind failure,
        String failureKey,
        List<Object> failureArgs,
        Duration took) {

    public ServerOutcome {
        failureArgs = failureArgs == null ? List.of() : List.copyOf(failureArgs);
    }

    static ServerOutcome ok(String server, ServerSnapshot snapshot, Duration took) {
        return new ServerOutcome(server, snapshot, null, null, List.of(), took);
    }

    static ServerOutcome failed(String server, CollectFailure.Kind kind, String key, List<Object> args, Duration took) {
        return new ServerOutcome(server, null, kind, key, args, took);
    }

    public boolean collected() {
        return snapshot != null;
    }
}
