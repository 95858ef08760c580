package io.tlsdoctor.ui.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.json.JsonObject;
import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.core.text.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the wizard remembers between runs: its language and the last folder of each kind of file dialog. Kept in a
 * small JSON file in the user's own TLS Doctor folder ({@code %LOCALAPPDATA%\TLS Doctor\settings.json}), not in
 * java.util.prefs, which on Windows hides them in the registry (HKCU\Software\JavaSoft\Prefs, with escaped names):
 * a file an admin can read, delete, or copy to another server with the rest of the folder. A file that cannot be read
 * or is damaged is set aside as {@code settings.json.bad} and the wizard starts with the defaults: remembering is a
 * convenience, never a reason not to start.
 */
public final class WizardSettings {

    private static final Logger LOG = EventLog.of(WizardSettings.class);
    static final String SCHEMA = "tlsdoctor.settings/1";

    private final Path file;
    private Locale language;
    private final Map<FilePurpose, Path> folders = new EnumMap<>(FilePurpose.class);

    private WizardSettings(Path file) {
        this.file = file;
    }

    /** Nothing remembered and nothing saved: for tests and for a wizard without a settings file. */
    public static WizardSettings none() {
        return new WizardSettings(null);
    }

    /** The settings in {@code file}; the defaults when there is none or it is damaged. */
    public static WizardSettings load(Path file) {
        WizardSettings settings = new WizardSettings(file);
        if (!Files.isRegularFile(file)) {
            return settings;
        }
        // Jackson's streaming parser, not the ObjectMapper: a returning user's start read this file on the JavaFX
        // thread before anything else, and the mapper's set-up cost about 45 ms of it (issue 15)
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> root = JsonObject.read(in, file.toString()).map(JsonObject.Element::value);
            if (!SCHEMA.equals(root.get("schema"))) {
                throw new IOException("not a " + SCHEMA + " file");
            }
            if (root.get("language") instanceof String language && !language.isBlank()) {
                Locale parsed = Locale.forLanguageTag(language);
                if (Languages.ALL.stream().anyMatch(l -> l.getLanguage().equals(parsed.getLanguage()))) {
                    settings.language = Languages.supported(parsed);
                }
            }
            if (root.get("lastFolders") instanceof Map<?, ?> lastFolders) {
                lastFolders.forEach((kind, folder) -> purpose(String.valueOf(kind))
                        .ifPresent(p -> {
                            if (folder instanceof String text && !text.isBlank()) {
                                settings.folders.put(p, Path.of(text));
                            }
                        }));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "settings file " + file + " could not be read; starting with the defaults", e);
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                // it is overwritten at the next save all the same
            }
            settings.language = null;
            settings.folders.clear();
        }
        return settings;
    }

    /** The language the user last chose, if any. */
    public Optional<Locale> language() {
        return Optional.ofNullable(language);
    }

    public void rememberLanguage(Locale chosen) {
        Locale supported = Languages.supported(chosen);
        if (!supported.equals(language)) {
            language = supported;
            save();
        }
    }

    /** Remembers every language switch in {@code i18n} from now on. */
    public void follow(I18n i18n) {
        i18n.localeProperty().addListener((obs, old, now) -> rememberLanguage(now));
    }

    /** The last folder used for {@code purpose}, while it still exists. */
    public Optional<Path> folder(FilePurpose purpose) {
        return Optional.ofNullable(folders.get(purpose)).filter(Files::isDirectory);
    }

    public void rememberFolder(FilePurpose purpose, Path folder) {
        if (folder == null) {
            return;
        }
        Path absolute = folder.toAbsolutePath();
        if (!absolute.equals(folders.get(purpose))) {
            folders.put(purpose, absolute);
            save();
        }
    }

    /** Through a temporary file, so a crash while saving never leaves half a file; a failure is only logged. */
    private void save() {
        if (file == null) {
            return;
        }
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        if (language != null) {
            root.put("language", language.toLanguageTag());
        }
        ObjectNode lastFolders = root.putObject("lastFolders");
        folders.forEach((purpose, folder) -> lastFolders.put(key(purpose), folder.toString()));
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "settings", ".tmp");
            Files.writeString(temporary, Json.pretty(root), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "settings could not be saved to " + file, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a stray .tmp in the user's own folder
                }
            }
        }
    }

    private static String key(FilePurpose purpose) {
        return switch (purpose) {
            case LOGS -> "logs";
            case EVIDENCE -> "evidence";
            case SUMMARY -> "summary";
            case REG_STORE -> "regStore";
            case BUNDLE -> "bundle";
            case CONNECTOR_OUTPUT -> "connectorOutput";
        };
    }

    private static Optional<FilePurpose> purpose(String key) {
        for (FilePurpose purpose : FilePurpose.values()) {
            if (key(purpose).equals(key)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty(); // a key from a newer TLS Doctor: ignored, and dropped at the next save
    }
}
