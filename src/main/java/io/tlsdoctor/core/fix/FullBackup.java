package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole of what a change could matter to, as IIS Crypto saves it before it writes: the entire SCHANNEL key, and
 * for each .NET version and WinHTTP key the change touches, that key in both registry views. Unlike restore.reg (the
 * values the change sets, put back exactly) this is an archive a person can import to get every value back, written
 * as regedit writes .reg files.
 */
public final class FullBackup {

    private FullBackup() {}

    /** The keys to export, whole subtrees, for a change to these locations. */
    public static List<String> roots(Collection<RegistryLocation> touched) {
        Set<String> roots = new LinkedHashSet<>();
        roots.add(RegistryPaths.SCHANNEL);
        for (RegistryLocation location : touched) {
            String key = lower(location.keyPath());
            if (key.startsWith(lower(RegistryPaths.SCHANNEL) + "\\")) {
                continue;
            }
            boolean known = false;
            for (String version : List.of(RegistryPaths.DOTNET_V2, RegistryPaths.DOTNET_V4)) {
                known |= addBothViewsWhen(key, view -> RegistryPaths.dotNet(version, view), roots);
            }
            known |= addBothViewsWhen(key, RegistryPaths::winHttp, roots);
            if (!known) {
                roots.add(location.keyPath());
            }
        }
        return List.copyOf(roots);
    }

    private static boolean addBothViewsWhen(
            String key, java.util.function.Function<RegistryView, String> path, Set<String> roots) {
        for (RegistryView view : RegistryView.values()) {
            if (key.equals(lower(path.apply(view)))) {
                for (RegistryView both : RegistryView.values()) {
                    roots.add(path.apply(both));
                }
                return true;
            }
        }
        return false;
    }

    /** The .reg text: what it holds, and that importing it adds and overwrites values but never removes any. */
    public static String text(
            Map<String, Map<String, RegistryValue>> keys, List<String> roots, String store, Instant takenAt) {
        List<String> comment = new ArrayList<>();
        comment.add("TLS Doctor: full backup of " + store + " taken " + takenAt + ", before the change.");
        comment.add("Keys (with everything below them): " + String.join("; ", roots));
        comment.add("To put every value back: reg import \"<this file>\" as an administrator, or double-click it.");
        comment.add("Importing sets values; it never removes a value or key the change added: TLS Doctor's undo does.");
        return RegFileText.forKeys(String.join("\n", comment), keys);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
