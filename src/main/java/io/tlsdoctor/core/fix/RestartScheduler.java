package io.tlsdoctor.core.fix;

/** Restarts the server the way an admin would (Windows' shutdown.exe), or says why it cannot here. */
public interface RestartScheduler {

    /** What happened, with what the OS answered. */
    record Result(boolean succeeded, String detail) {
    }

    boolean available();

    /** Restarts in {@code minutes} (0: now), recorded as a planned reconfiguration. */
    Result restartIn(int minutes, String comment);

    /** Cancels a scheduled restart. */
    Result cancel();
}
