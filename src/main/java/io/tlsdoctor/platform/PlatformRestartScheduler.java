package io.tlsdoctor.platform;

import io.tlsdoctor.core.fix.RestartScheduler;
import io.tlsdoctor.platform.windows.Elevation;
import io.tlsdoctor.platform.windows.ServerRestart;
import java.io.IOException;
import java.util.List;

/** shutdown.exe on Windows; elsewhere not available (a helpdesk desktop restarts nothing). */
public final class PlatformRestartScheduler implements RestartScheduler {

    private static final java.util.logging.Logger LOG =
            io.tlsdoctor.core.text.EventLog.of(PlatformRestartScheduler.class);

    @Override
    public boolean available() {
        return Elevation.isWindows();
    }

    @Override
    public Result restartIn(int minutes, String comment) {
        return run(ServerRestart.restartCommand(minutes, comment));
    }

    @Override
    public Result cancel() {
        return run(ServerRestart.cancelCommand());
    }

    private static Result run(List<String> command) {
        try {
            ServerRestart.Result result = ServerRestart.run(command);
            return new Result(
                    result.succeeded(),
                    String.join(" ", command) + (result.output().isEmpty() ? "" : ": " + result.output()),
                    result.explanationKey().orElse(null));
        } catch (IOException e) {
            LOG.log(java.util.logging.Level.WARNING, e, () -> "could not start " + String.join(" ", command));
            return new Result(false, String.join(" ", command), "restart.shutdown.cannotStart");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, String.join(" ", command) + ": interrupted");
        }
    }
}
