package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/**
 * On a server without {@code --allow-update}: every request on the dataset that would change it
 * (SPARQL update on any endpoint, Graph Store PUT, POST, DELETE, PATCH, uploads) gets
 * {@code 405 Method Not Allowed} with an {@code Allow} header naming what the endpoint does
 * accept, as the README promises, instead of Fuseki's 400, 404 or 415.
 */
final class ReadOnlyFilter implements Filter {

    static final String QUERY_METHODS = "GET, HEAD, POST, OPTIONS";
    static final String READ_METHODS = "GET, HEAD, OPTIONS";

    private final String dataset;

    ReadOnlyFilter(String dataset) { this.dataset = dataset; }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!path.equals(dataset) && !path.startsWith(dataset + "/")) {
            chain.doFilter(request, response);
            return;
        }
        String endpoint = path.substring(dataset.length());
        String allow = refusal(req, endpoint);
        if (allow == null) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setHeader("Allow", allow);
        resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "this server is read-only: SPARQL update and Graph Store writes are not accepted");
    }

    /** The Allow header of a refused write, or null when the request only reads. */
    static String refusal(HttpServletRequest req, String endpoint) {
        String method = req.getMethod();
        if (method.equals("OPTIONS")) return null;
        boolean queryEndpoint = endpoint.isEmpty() || endpoint.equals("/") || endpoint.equals("/sparql") || endpoint.equals("/query");
        boolean readEndpoint = endpoint.equals("/data") || endpoint.equals("/get");
        if (endpoint.equals("/update") || endpoint.equals("/upload")) {
            // Not there on a read-only server; an empty Allow says "no method", but send the harmless one.
            return "OPTIONS";
        }
        if (method.equals("GET") || method.equals("HEAD")) return null;
        if (readEndpoint) return READ_METHODS;
        if (!queryEndpoint) return null;
        if (!method.equals("POST")) return QUERY_METHODS;
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/sparql-update")) return QUERY_METHODS;
        if (type.startsWith("application/x-www-form-urlencoded") && req.getParameter("update") != null) return QUERY_METHODS;
        // The dataset itself takes quads by POST (Graph Store on the dataset): a write.
        if (!endpoint.equals("/sparql") && !endpoint.equals("/query")
                && !type.startsWith("application/sparql-query") && !type.startsWith("application/x-www-form-urlencoded")) {
            return QUERY_METHODS;
        }
        return null;
    }
}
