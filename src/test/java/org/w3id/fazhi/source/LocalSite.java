package org.w3id.fazhi.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A web site on a free loopback port, for the tests that read URLs. */
final class LocalSite implements AutoCloseable {
    private final HttpServer server;

    LocalSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    LocalSite serve(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Starts answering; the site's address, "http://127.0.0.1:PORT". */
    String start() {
        server.start();
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A whole answer; an empty body is sent without one (length -1), as for redirects. */
    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
