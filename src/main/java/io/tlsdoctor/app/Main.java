package io.tlsdoctor.app;

import io.tlsdoctor.cli.TlsDoctorCommand;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Entry point of {@code tlsdoctor.jar}: no arguments opens the wizard, anything else is the command line, which
 * never starts JavaFX (Server Core has no desktop).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            WizardLauncher.launch();
            return;
        }
        Charset console = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, console), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, console), true);
        System.exit(TlsDoctorCommand.run(args, System.in, out, err));
    }
}
