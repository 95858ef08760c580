package io.tlsdoctor.ui.common;

/** What a file dialog is for: each remembers its own last folder, so the evidence folder never opens for a .reg store. */
public enum FilePurpose {
    /** Exchange protocol logs (a folder or a .zip). */
    LOGS,
    /** An NDR, queue output or other evidence to read. */
    EVIDENCE,
    /** A summary saved or opened for review. */
    SUMMARY,
    /** .reg exports and the .reg copy a change is rehearsed on. */
    REG_STORE,
    /** A support bundle. */
    BUNDLE,
    /** Saved output of Exchange's connector and certificate cmdlets. */
    CONNECTOR_OUTPUT
}
