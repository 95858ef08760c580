package io.tlsdoctor.cli;

import io.tlsdoctor.core.text.Version;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code tlsdoctor --version}: the project version; for a development build also the numeric version its installer
 * carries (what Windows shows under Installed apps), so the two can be matched.
 */
final class VersionProvider implements CommandLine.IVersionProvider {

    private final CliContext context;

    VersionProvider(CliContext context) {
        this.context = context;
    }

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("TLS Doctor " + Version.current());
        if (!Version.packageVersion().equals(Version.current())) {
            lines.add(context.messages().get("cli.version.installer", Version.packageVersion()));
        }
        lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        return lines.toArray(String[]::new);
    }
}
