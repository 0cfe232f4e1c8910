package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Who the client is behind reverse proxies. A request whose peer is one of the trusted proxies
 * (addresses or CIDR ranges, IPv4 or IPv6) names the client in {@code Forwarded} (RFC 7239, read
 * when present) or {@code X-Forwarded-For}: the hops are read from the right, trusted proxies
 * skipped, and the first other address is the client. From any other peer these headers are
 * ignored, so no one can choose their own address by sending them.
 *
 * <p>The request is passed on with that address as {@link HttpServletRequest#getRemoteAddr()},
 * so everything after it keys on the client: the per-client query limit ({@link QueryGuard}), its
 * log lines, and the localhost-only update guard (behind a proxy on this machine, a request from
 * outside is not taken for a local one).
 */
final class TrustedProxies implements Filter {

    /** An address range: a network address and the length of its prefix. */
    record Range(byte[] network, int prefix) {
        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) return false;
            BigInteger mask = BigInteger.ONE.shiftLeft(b.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(b.length * 8).subtract(BigInteger.ONE));
            return new BigInteger(1, b).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final List<Range> trusted;

    TrustedProxies(Collection<String> proxies) {
        List<Range> ranges = new ArrayList<>();
        for (String p : proxies) ranges.add(parse(p));
        this.trusted = List.copyOf(ranges);
    }

    /** An address ({@code 127.0.0.1}, {@code ::1}) or a range ({@code 10.0.0.0/8}); an error names what is wrong. */
    static Range parse(String spec) {
        String s = spec.trim();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        if (!address.matches("[0-9A-Fa-f:.]+") || !(address.contains(".") || address.contains(":"))) {
            throw new IllegalArgumentException("a trusted proxy is an IP address or a CIDR range, not a host name: " + spec);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + spec);
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + spec);
            }
            if (prefix < 0 || prefix > bytes.length * 8) throw new IllegalArgumentException("not a CIDR range: " + spec);
        }
        return new Range(bytes, prefix);
    }

    boolean isTrusted(String address) {
        InetAddress a = literal(address);
        if (a == null) return false;
        for (Range r : trusted) if (r.contains(a)) return true;
        return false;
    }

    /** An IP literal as an address, without any name look-up; null for anything else. */
    private static InetAddress literal(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) return null;
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The client of a request whose peer is {@code peer}, by the rules above. */
    String client(String peer, List<String> forwarded, List<String> xForwardedFor) {
        if (!isTrusted(peer)) return peer;
        List<String> hops = !forwarded.isEmpty() ? forwardedFor(forwarded) : xForwardedFor(xForwardedFor);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!isTrusted(client)) break;
        }
        return client;
    }

    /** The {@code for=} values of RFC 7239 elements, in order; an element without one counts as "unknown". */
    static List<String> forwardedFor(List<String> headers) {
        List<String> out = new ArrayList<>();
        for (String header : headers) {
            for (String element : splitOutsideQuotes(header, ',')) {
                if (element.isBlank()) continue;
                String node = "unknown";
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                        node = nodeAddress(unquote(pair.substring(eq + 1).trim()));
                    }
                }
                out.add(node);
            }
        }
        return out;
    }

    /** The addresses of {@code X-Forwarded-For}, in order. */
    static List<String> xForwardedFor(List<String> headers) {
        List<String> out = new ArrayList<>();
        for (String header : headers) {
            for (String part : header.split(",")) if (!part.isBlank()) out.add(nodeAddress(part.trim()));
        }
        return out;
    }

    /** A node of RFC 7239 §6 ({@code 192.0.2.43:47011}, {@code [2001:db8::17]:4711}, {@code unknown}, {@code _hidden}) without its port. */
    static String nodeAddress(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        // One colon: IPv4 with a port. More: an IPv6 address without brackets (as X-Forwarded-For may give it).
        if (colon > 0 && colon == node.lastIndexOf(':')) return node.substring(0, colon);
        return node;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) return s.substring(1, s.length() - 1).replace("\\\"", "\"");
        return s;
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == separator && !quoted) {
                out.add(sb.toString().trim());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString().trim());
        return out;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String peer = req.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) {
            chain.doFilter(request, response);
            return;
        }
        String client = client(peer, Collections.list(req.getHeaders("Forwarded")), Collections.list(req.getHeaders("X-Forwarded-For")));
        chain.doFilter(new HttpServletRequestWrapper(req) {
            @Override
            public String getRemoteAddr() { return client; }

            @Override
            public String getRemoteHost() { return client; }
        }, response);
    }
}
