package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier.LineMatch;
import java.util.List;

/**
 * What a row's event, data and context columns tell about its session, whichever session it belongs to. Worked out
 * once per distinct text and then shared: most rows of a protocol log repeat word for word (the EHLO replies, the
 * certificate rows, the TLS success line), so a repeated row costs a hash and a comparison instead of a parse.
 * Immutable once built.
 *
 * @param columns          how many columns the row's tail (from the event column to the end) has
 * @param starttlsUsed     the client sent STARTTLS (or X-ANONYMOUSTLS)
 * @param starttlsOffered  the server's 250 reply offers it
 * @param protocol         the protocol of a TLS success row, or null
 * @param certificate      what the row says about a certificate
 * @param role             whose certificate a {@link CertificateStep#BEGIN} or {@link CertificateStep#WHOLE} row is about
 * @param property         the property a {@link CertificateStep#PROPERTY} row sets
 * @param value            that property's value
 * @param whole            the certificate of a {@link CertificateStep#WHOLE} row
 * @param matches          the recogniser's matches on the row's text
 * @param disconnectReason the text of a {@code -} row, or null
 * @param plain            whether all it does is set flags (STARTTLS, the protocol): no certificate, no match, not a
 *                         {@code -} row. Most rows are plain: for them the reader only sets flags.
 */
record RowMeaning(
        int columns,
        boolean starttlsUsed,
        boolean starttlsOffered,
        TlsProtocol protocol,
        CertificateStep certificate,
        Certificate.Role role,
        String property,
        String value,
        Certificate whole,
        List<LineMatch> matches,
        String disconnectReason,
        boolean plain) {

    enum CertificateStep {
        NONE,
        BEGIN,
        WHOLE,
        PROPERTY
    }

    RowMeaning(
            int columns,
            boolean starttlsUsed,
            boolean starttlsOffered,
            TlsProtocol protocol,
            CertificateStep certificate,
            Certificate.Role role,
            String property,
            String value,
            Certificate whole,
            List<LineMatch> matches,
            String disconnectReason,
            byte event) {
        this(
                columns,
                starttlsUsed,
                starttlsOffered,
                protocol,
                certificate,
                role,
                property,
                value,
                whole,
                matches,
                disconnectReason,
                certificate == CertificateStep.NONE && matches.isEmpty() && event != '-');
    }

    /** What a {@link #plain} row does. */
    void applyFlagsTo(SessionBuilder session) {
        // or-ed rather than tested: a flag set by a row first seen late is no branch the JIT compiled as never taken
        session.starttlsUsed |= starttlsUsed;
        session.starttlsOffered |= starttlsOffered;
        if (protocol != null) {
            session.protocol = protocol;
        }
    }

    /** Applies the row to its session. */
    void applyTo(SessionBuilder session) {
        session.starttlsUsed |= starttlsUsed;
        session.starttlsOffered |= starttlsOffered;
        if (protocol != null) {
            session.protocol = protocol;
        }
        switch (certificate) {
            case BEGIN -> session.beginCertificate(role);
            case WHOLE -> session.wholeCertificate(whole);
            case PROPERTY -> session.certificateProperty(property, value);
            case NONE -> {}
        }
        session.addMatches(matches);
    }
}
