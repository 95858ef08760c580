package io.tlsdoctor.core.fix;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tlsdoctor.core.registry.RegistryValue;

/**
 * What happened to one value.
 *
 * @param before the value before (null: absent)
 * @param wanted what the change wanted (null: absent, when undoing to an absent value)
 * @param after  what the store holds now, as read back (null: absent or unreadable)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeResult(
        RegistryLocation location, RegistryValue before, RegistryValue wanted, RegistryValue after, State state) {

    /** The fate of one value, as the admin needs to know it. */
    public enum State {
        /** Changed and read back as wanted. */
        WRITTEN,
        /** Already had the wanted value; not touched. */
        ALREADY_SET,
        /** Changed, then put back to its prior value after a later failure. */
        RESTORED,
        /** Not reached because an earlier change failed; never touched. */
        LEFT_AS_IS,
        /** The change or its rollback failed: the value may differ from before; restore from the backup. */
        FAILED
    }
}
