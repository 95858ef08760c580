package io.tlsdoctor.core.fix;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.LocalizedText;

/**
 * One value the plan sets.
 *
 * @param current      what the value was when the plan was made; {@code null} when absent or not known
 * @param currentKnown false when the exports did not include the key, so "absent" could not be told
 * @param target       what it becomes (always a REG_DWORD)
 * @param why          the reason, in every language, for the admin who reviews the plan
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedChange(
        RegistryLocation location,
        RegistryValue current,
        boolean currentKnown,
        RegistryValue target,
        LocalizedText why) {}
