package io.tlsdoctor.core.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** The pieces of an SMTP STARTTLS conversation, shared by the full probe, the per-version probes and the child JVM. */
final class StartTls {

    private StartTls() {}

    static Socket connect(InetAddress address, int port, Deadline connectDeadline) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address, port), connectDeadline.socketTimeout());
            return socket;
        } catch (IOException e) {
            Guard.closeQuietly(socket);
            throw e;
        }
    }

    /** EHLO with our own address as the literal, as RFC 5321 asks of a client without a meaningful name. */
    static String ehloName(Socket socket) {
        InetAddress local = socket.getLocalAddress();
        return local instanceof java.net.Inet6Address
                ? "[IPv6:" + local.getHostAddress().replaceAll("%.*", "") + "]"
                : "[" + local.getHostAddress() + "]";
    }

    static boolean advertisesStartTls(SmtpReply ehlo) {
        for (int i = 1; i < ehlo.lines().size(); i++) {
            if (ehlo.lines().get(i).trim().toUpperCase(Locale.ROOT).equals("STARTTLS")) {
                return true;
            }
        }
        return false;
    }

    /** A masked banner ({@code 220 ****...}) is what a Cisco ASA/PIX with ESMTP inspection sends instead of the server's. */
    static boolean masked(SmtpReply banner) {
        String text = String.join("", banner.lines());
        long stars = text.chars().filter(c -> c == '*').count();
        return text.contains("****") && stars * 2 >= text.replace(" ", "").length();
    }

    static SSLSocket handshake(
            Socket plain, String host, List<String> protocols, RecordingTrustManager trust, Deadline deadline)
            throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, plain.getPort(), true);
        if (protocols != null) {
            tls.setEnabledProtocols(protocols.toArray(String[]::new));
        }
        if (!Targets.isAddressLiteral(host)) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            tls.setSSLParameters(parameters);
        }
        tls.setSoTimeout(deadline.socketTimeout());
        tls.startHandshake();
        return tls;
    }
}
