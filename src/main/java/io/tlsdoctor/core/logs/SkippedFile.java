package io.tlsdoctor.core.logs;

/** A file that was looked at and not analysed, and why. {@code detail} is technical (an OS message) or null. */
public record SkippedFile(String path, SkipReason reason, String detail) {}
