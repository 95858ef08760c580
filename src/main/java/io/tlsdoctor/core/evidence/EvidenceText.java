package io.tlsdoctor.core.evidence;

/**
 * Evidence as text, with how it was decoded so a user can be told ("read as Windows-1252").
 *
 * @param text     the decoded text
 * @param encoding the encoding it was read with: {@code UTF-8}, {@code UTF-16LE}, {@code windows-1252}, ...
 * @param email    whether the text was an e-mail message (an .eml NDR) whose MIME parts were decoded; line
 *                 numbers then refer to the decoded message
 */
public record EvidenceText(String text, String encoding, boolean email) {

    public static EvidenceText pasted(String text) {
        return new EvidenceText(text, "UTF-16", false);
    }
}
