package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;

/**
 * When the server is started with updates allowed, lets them in from this machine only: any
 * request on the dataset that could change it (update, Graph Store writes) from another address
 * gets 403. Queries pass from everywhere.
 */
final class UpdateGuard implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (mayChange(req) && !isLocal(req.getRemoteAddr())) {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN, "updates are accepted from localhost only");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean mayChange(HttpServletRequest req) {
        String method = req.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) return false;
        if (!method.equals("POST")) return true;
        String path = req.getRequestURI();
        String type = req.getContentType() == null ? "" : req.getContentType();
        boolean queryEndpoint = path.endsWith("/sparql") || path.endsWith("/query");
        return !(queryEndpoint && (type.startsWith("application/sparql-query") || type.startsWith("application/x-www-form-urlencoded")))
                || req.getParameter("update") != null;
    }

    private static boolean isLocal(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
