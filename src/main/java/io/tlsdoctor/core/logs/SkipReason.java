package io.tlsdoctor.core.logs;

/** Why a file was not analysed; each has an English and Swedish text under {@code logs.skip.<NAME>}. */
public enum SkipReason {
    /** In a folder or archive, a file whose name is not SEND…/RECV….log. */
    NOT_A_LOG_NAME,
    /** It does not start with the protocol log's #-header (#Fields: …). */
    NO_FIELDS_HEADER,
    /** The #Fields header lacks a column the analysis needs. */
    MISSING_FIELDS,
    /** Neither #Log-type nor the file name says send or receive. */
    UNKNOWN_LOG_TYPE,
    /** Binary content (an executable, an image, a nested archive we do not open). */
    BINARY,
    /** The file is empty. */
    EMPTY,
    /** A .zip archive with more entries than TLS Doctor takes from one archive ({@link ZipDirectory#MAX_ENTRIES}). */
    TOO_MANY_ENTRIES,
    /** The operating system would not let us read it. */
    UNREADABLE,
    /** A .zip archive (or an entry in one) that is damaged or cut short. */
    DAMAGED_ARCHIVE;

    /**
     * Whether the detail may be shown to a user next to the reason: the missing columns (the file's own header) and
     * the count of entries are; an operating system's or the zip reader's own text ("invalid stored block lengths")
     * is not, and stays in the log and the JSON output.
     */
    public boolean showsDetail() {
        return this == MISSING_FIELDS || this == TOO_MANY_ENTRIES;
    }
}
