package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.ChangeNotes;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanException;
import io.tlsdoctor.core.fix.PlannedChange;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.fix.RegistryStore;
import io.tlsdoctor.core.fix.RegistryStoreException;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the fix commands word plans, current values and results on the console. */
final class FixText {

    private FixText() {}

    /** The plan, refused with its message when it is malformed, outside the allow-list, or not the digest given. */
    static FixPlan loadPlan(Path file, String digest, Messages m) {
        try {
            return FixPlan.load(file, digest);
        } catch (FixPlanException e) {
            throw new UsageException(m.get(e.messageKey(), e.args()));
        }
    }

    static void printPlan(FixPlan plan, Messages m, PrintWriter out) {
        Locale locale = m.locale();
        out.println(m.get(plan.kind() == FixPlan.Kind.HARDEN ? "cli.fix.plan.headingHarden" : "cli.fix.plan.heading"));
        if (plan.isBlocked()) {
            out.println(m.get("cli.fix.plan.blocked"));
            plan.blockers().forEach(b -> out.println("  - " + b.in(locale)));
        } else if (plan.changes().isEmpty()) {
            out.println(m.get("cli.fix.plan.nothing"));
        }
        for (PlannedChange change : plan.changes()) {
            out.println();
            out.println("  " + change.location());
            out.println("      " + show(change.current(), change.currentKnown(), m) + "  ->  "
                    + change.target().display());
            out.println("      " + change.why().in(locale));
        }
        if (!plan.notes().isEmpty()) {
            out.println();
            plan.notes().forEach(n -> out.println("* " + n.in(locale)));
        }
    }

    static void printCurrent(List<RegistryLocation> locations, RegistryStore store, Messages m, PrintWriter out) {
        out.println();
        out.println(m.get("cli.fix.current", store.describe()));
        for (RegistryLocation location : locations) {
            try {
                Optional<RegistryValue> value = store.read(location);
                out.println("  " + location + " = " + show(value.orElse(null), true, m));
            } catch (RegistryStoreException e) {
                out.println("  " + location + ": " + m.get(e.messageKey(), e.args()));
            }
        }
    }

    static void printResult(ApplyResult result, boolean live, Messages m, PrintWriter out) {
        out.println();
        for (ChangeResult change : result.changes()) {
            out.println("  [" + m.get("cli.fix.state." + change.state()) + "] " + change.location() + ": "
                    + show(change.before(), true, m) + " -> " + show(change.after(), true, m));
        }
        out.println();
        out.println(m.get(
                "cli.fix.outcome." + result.outcome(),
                result.store(),
                result.backupFolder() == null ? "-" : result.backupFolder().toString()));
        if (result.problemKey() != null) {
            out.println(m.get(result.problemKey(), result.problemArgs().toArray()));
        }
        ChangeNotes.of(result, live, m).forEach(out::println);
    }

    private static String show(RegistryValue value, boolean known, Messages m) {
        if (!known) {
            return m.get("cli.fix.value.unknown");
        }
        return value == null ? m.get("cli.fix.value.absent") : value.display();
    }
}
