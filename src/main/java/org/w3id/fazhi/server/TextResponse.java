package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A whole text answer (a page, a table for scripts, an error), sent with its length. */
final class TextResponse {

    private TextResponse() {}

    /** Sends {@code body} as UTF-8 with the status, the media type and a Content-Length. */
    static void send(HttpServletResponse resp, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(type + "; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
