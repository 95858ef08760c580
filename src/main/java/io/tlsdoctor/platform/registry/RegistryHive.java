package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.registry.RegistryValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few registry calls a live snapshot makes, apart from the walk over the keys, so that the walk's handling of
 * absent and refused keys can be tested off Windows. The real one is {@link JnaRegistryHive}.
 */
interface RegistryHive {

    /** One key as read: when it was last written, its values with their types, and its subkeys' names. */
    record Content(Instant lastWritten, Map<String, RegistryValue> values, List<String> children) {}

    /** A key that exists but could not be read; {@code reason} is Windows' own text (e.g. "Access is denied."). */
    final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean denied;

        Unreadable(String reason) {
            this(reason, false);
        }

        /** @param denied Windows refused access (error 5): the one case a user can act on (run as administrator) */
        Unreadable(String reason, boolean denied) {
            super(reason);
            this.denied = denied;
        }

        boolean denied() {
            return denied;
        }
    }

    /**
     * Reads one key. {@code root} is the canonical root name (HKEY_LOCAL_MACHINE), {@code wow32} asks for the 32-bit
     * view. Empty when the key does not exist.
     */
    Optional<Content> read(String root, String subKey, boolean wow32) throws Unreadable;
}
