package io.tlsdoctor.core.text;

import java.util.logging.Logger;

/**
 * The loggers TLS Doctor writes its log through: java.util.logging, which the JDK brings (see docs/architecture.md,
 * "The log"). Until the application installs its log file, records go nowhere: never to the console, where a
 * command's output or a test's standard error would pick them up.
 */
public final class EventLog {

    /** Held here: java.util.logging keeps loggers only weakly, and a collected parent would forget this setting. */
    private static final Logger ROOT = Logger.getLogger("io.tlsdoctor");

    static {
        ROOT.setUseParentHandlers(false);
    }

    private EventLog() {}

    /** The logger of {@code owner}, below {@code io.tlsdoctor}. */
    public static Logger of(Class<?> owner) {
        return Logger.getLogger(owner.getName());
    }

    /** The parent of every TLS Doctor logger, where the log file is attached. */
    public static Logger root() {
        return ROOT;
    }
}
