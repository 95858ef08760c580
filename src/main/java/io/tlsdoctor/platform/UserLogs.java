package io.tlsdoctor.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Where the wizard writes what went wrong for the user to find and send: {@code %LOCALAPPDATA%\TLS Doctor\logs} on
 * Windows (the user's own, no elevation needed), {@code $XDG_STATE_HOME/tlsdoctor/logs} or
 * {@code ~/.local/state/tlsdoctor/logs} elsewhere.
 */
public final class UserLogs {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private UserLogs() {}

    public static Path folder() {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            String local = System.getenv("LOCALAPPDATA");
            Path base = local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), "AppData", "Local");
            return base.resolve("TLS Doctor").resolve("logs");
        }
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank()
                ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("tlsdoctor").resolve("logs");
    }

    /** Writes {@code text} to {@code <folder>/<name>-<time>.txt} in UTF-8; empty when it cannot be written. */
    public static Optional<Path> write(Path folder, String name, String text) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + "-" + LocalDateTime.now().format(STAMP) + ".txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
