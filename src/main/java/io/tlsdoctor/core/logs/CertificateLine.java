package io.tlsdoctor.core.logs;

/**
 * The newer one-row certificate layout (2013+ receive logs): data is
 * {@code <subject> <issuer> <serial> <thumbprint> <not before> <not after> <alternate names>} separated by spaces,
 * where subject and issuer are distinguished names that may themselves hold spaces. The thumbprint (40 hex digits)
 * anchors the split: the serial is the token before it, the issuer starts at the second {@code CN=}, and after it
 * come two dates (when they look like dates) and the alternate names.
 */
final class CertificateLine {

    private CertificateLine() {}

    static Certificate parse(Certificate.Role role, String data) {
        String[] tokens = data.strip().split(" +");
        int thumb = -1;
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].length() == 40 && isHex(tokens[i])) {
                thumb = i;
                break;
            }
        }
        if (thumb < 1) {
            return new Certificate(role, data.strip(), null, null, null, null, null, null);
        }
        String serial = isHex(tokens[thumb - 1]) ? tokens[thumb - 1] : null;
        String names = String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, serial == null ? thumb : thumb - 1));
        int second = names.indexOf(" CN=", 1);
        String subject = second > 0 ? names.substring(0, second) : names;
        String issuer = second > 0 ? names.substring(second + 1) : null;
        int i = thumb + 1;
        String notBefore = null;
        String notAfter = null;
        if (i < tokens.length && looksLikeDate(tokens[i])) {
            notBefore = tokens[i++];
        }
        if (i < tokens.length && looksLikeDate(tokens[i])) {
            notAfter = tokens[i++];
        }
        String alternateNames =
                i < tokens.length ? String.join(" ", java.util.Arrays.copyOfRange(tokens, i, tokens.length)) : null;
        return new Certificate(role, subject, issuer, serial, tokens[thumb], notBefore, notAfter, alternateNames);
    }

    private static boolean isHex(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (Character.digit(token.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeDate(String token) {
        return token.length() >= 8
                && Character.isDigit(token.charAt(0))
                && (token.indexOf('-') > 0 || token.indexOf('/') > 0 || token.indexOf('.') > 0);
    }
}
