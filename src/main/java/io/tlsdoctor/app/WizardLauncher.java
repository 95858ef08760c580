package io.tlsdoctor.app;

import io.tlsdoctor.core.text.Messages;
import java.util.Locale;
import javafx.application.Application;

/** Starts the wizard, or explains why it cannot (no desktop) instead of a toolkit stack trace. */
final class WizardLauncher {

    private WizardLauncher() {}

    static void launch() {
        if (!hasDisplay()) {
            System.err.println(Messages.forLocale(Locale.getDefault()).get("app.noDisplay"));
            System.exit(2);
        }
        StartupPreload.begin();
        try {
            Application.launch(TlsDoctorApp.class);
        } catch (RuntimeException | LinkageError e) {
            // e.g. no GTK 3 on a Linux desktop, no usable graphics over RDP: say so plainly where the user looks
            // (the Windows launcher has no console), the command line still works
            Messages messages = Messages.forLocale(Locale.getDefault());
            StartupFailure.beforeToolkit(messages)
                    .report(messages.get("app.startFailed", String.valueOf(e.getMessage())), e);
            System.exit(2);
        }
    }

    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
