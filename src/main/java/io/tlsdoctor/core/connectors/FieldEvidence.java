package io.tlsdoctor.core.connectors;

/**
 * The exact field a finding rests on: {@code object} names the cmdlet's object ({@code Get-SendConnector 'Outbound to
 * Office 365'}), {@code field} the property, {@code value} what it held as printed (empty when nothing).
 */
public record FieldEvidence(String object, String field, String value) {

    public FieldEvidence {
        value = value == null ? "" : value;
    }
}
