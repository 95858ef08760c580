package io.tlsdoctor.core.fix;

/** Restarts the server the way an admin would (Windows' shutdown.exe), or says why it cannot here. */
public interface RestartScheduler {

    /**
     * What happened, with what the OS answered; {@code explanationKey}, when not null, is a message key that says
     * it in plain words (a restart already scheduled, nothing to cancel) and is shown instead of the raw answer.
     */
    record Result(boolean succeeded, String detail, String explanationKey) {

        public Result(boolean succeeded, String detail) {
            this(succeeded, detail, null);
        }
    }

    boolean available();

    /** Restarts in {@code minutes} (0: now), recorded as a planned reconfiguration. */
    Result restartIn(int minutes, String comment);

    /** Cancels a scheduled restart. */
    Result cancel();
}
