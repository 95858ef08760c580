package io.tlsdoctor.core.registry;

/**
 * The two views of HKLM\SOFTWARE on 64-bit Windows. 64-bit processes (Exchange) read the native one, 32-bit
 * processes the Wow6432Node one; Microsoft's guidance sets the .NET values in both.
 */
public enum RegistryView {
    NATIVE(""),
    WOW6432NODE("Wow6432Node\\");

    private final String infix;

    RegistryView(String infix) {
        this.infix = infix;
    }

    String infix() {
        return infix;
    }
}
