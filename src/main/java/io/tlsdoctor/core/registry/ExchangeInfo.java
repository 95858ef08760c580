package io.tlsdoctor.core.registry;

/** The Exchange build from {@code ExchangeServer\v15\Setup} ({@code MsiProductMajor.MsiProductMinor.MsiBuildMajor.MsiBuildMinor}). */
public record ExchangeInfo(int major, int minor, int build, int revision, String name) {

    public String version() {
        return major + "." + minor + "." + build + "." + revision;
    }

    public String display() {
        return name + " (" + version() + ")";
    }
}
