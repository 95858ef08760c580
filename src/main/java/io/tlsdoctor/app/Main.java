package io.tlsdoctor.app;

import io.tlsdoctor.cli.ConsoleOutput;
import io.tlsdoctor.cli.TlsDoctorCommand;
import io.tlsdoctor.platform.LogFiles;
import io.tlsdoctor.platform.windows.CodePages;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Entry point of {@code tlsdoctor.jar}: no arguments opens the wizard, anything else is the command line, which
 * never starts JavaFX (Server Core has no desktop).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            LogFiles.start(LogFiles.Writer.WIZARD);
            WizardLauncher.launch();
            return;
        }
        TlsDoctorCommand.beginHeadStart(args);
        LogFiles.start(LogFiles.commandLine());
        // Windows consoles show the OEM code page, not UTF-8: text as it can show it (JSON is ASCII anyway)
        Charset console = CodePages.forStandardOutput(
                System.console() != null ? System.console().charset() : null);
        PrintWriter out = ConsoleOutput.writer(System.out, console);
        PrintWriter err = ConsoleOutput.writer(System.err, console);
        System.exit(TlsDoctorCommand.run(args, System.in, System.out, out, err));
    }
}
