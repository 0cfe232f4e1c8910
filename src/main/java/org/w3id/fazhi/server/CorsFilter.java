package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * CORS for a public, read-only, anonymous service: any origin may read ({@code *}, never with
 * credentials, so no cookie or login of a visitor's is ever sent along), only the methods that
 * exist are allowed, and the headers a linked-data or SPARQL client in a page needs are exposed.
 * The answer does not depend on the Origin, so it adds nothing to {@code Vary}. Replaces
 * Fuseki's filter, which reflects the Origin with {@code Allow-Credentials: true}.
 */
final class CorsFilter implements Filter {

    static final String METHODS = "GET, HEAD, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Accept, Accept-Language, Content-Type, Cache-Control, If-None-Match, "
            + "If-Modified-Since, If-Range, Range";
    static final String EXPOSED_HEADERS = "Link, Content-Location, ETag, Last-Modified, Content-Length, "
            + "Content-Range, Content-Disposition, Accept-Ranges";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (req.getMethod().equals("OPTIONS") && req.getHeader("Origin") != null
                && req.getHeader("Access-Control-Request-Method") != null) {
            // A preflight: answered here, whatever the path.
            apply(resp);
            resp.setHeader("Access-Control-Allow-Methods", METHODS);
            resp.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            resp.setHeader("Access-Control-Max-Age", "86400");
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        HeaderKeepingResponse wrapped = new HeaderKeepingResponse(resp) {
            @Override void applyHeaders() { apply((HttpServletResponse) getResponse()); }
        };
        wrapped.applyHeaders();
        chain.doFilter(request, wrapped);
    }

    private static void apply(HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
}
