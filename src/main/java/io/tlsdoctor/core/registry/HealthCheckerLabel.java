package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.annotation.JsonValue;

/** The label CSS-Exchange HealthChecker shows for a TLS version, so results agree with what Microsoft support sees. */
public enum HealthCheckerLabel {
    ENABLED("Enabled"),
    DISABLED("Disabled"),
    HALF_DISABLED("Half Disabled"),
    MISCONFIGURED("Misconfigured");

    private final String text;

    HealthCheckerLabel(String text) {
        this.text = text;
    }

    @JsonValue
    public String text() {
        return text;
    }
}
