package io.tlsdoctor.core.probe;

/** A DNS server to ask instead of the system's resolver ({@code --dns-server H:P}). */
public record DnsServer(String host, int port) {

    /** Parses {@code host:port}, {@code host} (port 53) or {@code [v6]:port}; null when the text is not one of those. */
    public static DnsServer parse(String text) {
        String value = text.trim();
        String host;
        String port = "53";
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return null;
            }
            host = value.substring(1, end);
            if (value.length() > end + 1) {
                if (value.charAt(end + 1) != ':') {
                    return null;
                }
                port = value.substring(end + 2);
            }
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = value.substring(value.indexOf(':') + 1);
        } else {
            host = value;
        }
        if (host.isEmpty()
                || !port.matches("\\d{1,5}")
                || Integer.parseInt(port) < 1
                || Integer.parseInt(port) > 65535) {
            return null;
        }
        return new DnsServer(host, Integer.parseInt(port));
    }

    String jndiUrl() {
        return "dns://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
