package io.tlsdoctor.cli;

import io.tlsdoctor.core.concurrent.HeadStart;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.text.Messages;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@code logs} needs whatever its arguments say, begun on a second core while picocli is still reading the
 * command line on the first: the recogniser's catalogue, and (with {@code --json}) Jackson's JSON generator for the
 * output. Measured on a tiny log: picocli's tree about 0.35 s, the catalogue 0.13 s, the first JSON write 0.4 s
 * (through the ObjectMapper, until LogsJson), one after the other on one core; side by side, the start of
 * {@code logs} is shorter by the catalogue and the JSON write.
 * Nothing here decides anything: if the head start failed or was never begun, {@link #classifier()} loads as before.
 */
final class LogsHeadStart {

    private static final AtomicReference<HeadStart<ProtocolLogLineClassifier>> STARTED = new AtomicReference<>();

    private LogsHeadStart() {}

    /**
     * Begins the work when {@code args} run the {@code logs} subcommand and it has not begun yet. {@code Main} calls
     * this first, before it opens the log file (java.util.logging's set-up keeps the first core busy about as long as
     * reading the catalogue takes), and {@link TlsDoctorCommand#run} again, for callers that do not come through Main.
     */
    static void beginIfLogs(String[] args) {
        if (!"logs".equals(subcommandOf(args)) || STARTED.get() != null) {
            return;
        }
        boolean json = List.of(args).contains("--json");
        Locale language = TlsDoctorCommand.languageOf(args);
        STARTED.compareAndSet(
                null,
                HeadStart.begin(
                        "tlsdoctor-logs-head-start", () -> new ProtocolLogLineClassifier(SymptomCatalog.load()), () -> {
                            if (json) {
                                LogsCommand.warmJsonWriter(Messages.forLocale(language));
                            }
                        }));
    }

    /** The classifier begun by {@link #beginIfLogs}, or a new one when none was begun. */
    static ProtocolLogLineClassifier classifier() {
        HeadStart<ProtocolLogLineClassifier> started = STARTED.getAndSet(null);
        return started != null ? started.get() : new ProtocolLogLineClassifier(SymptomCatalog.load());
    }

    /** The first argument that is neither an option nor the value of {@code --lang}: the subcommand's name. */
    static String subcommandOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--lang")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }
}
