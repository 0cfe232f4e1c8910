package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * What every response gets, and what no request may do:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and a
 *     Content-Security-Policy: our pages (linked data, saved queries) run scripts from this server
 *     only; the Fuseki UI ({@code /}, {@code /index.html}, {@code /static/}) also needs
 *     {@code 'unsafe-eval'} for its query editor. Styles may be inline (the pages carry a
 *     {@code <style>}); images may be {@code data:} (the UI's icons).</li>
 * <li>TRACE (and TRACK) are 405.</li>
 * <li>Of Fuseki's {@code /$/} paths only {@code /$/ping}, {@code /$/server} (which the UI reads)
 *     and, when asked for, {@code /$/stats} answer; every other one is 404.</li>
 * </ul>
 */
final class SecurityFilter implements Filter {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final Set<String> openAdminPaths;

    /** @param openAdminPaths the {@code /$/...} paths that may answer */
    SecurityFilter(Set<String> openAdminPaths) { this.openAdminPaths = Set.copyOf(openAdminPaths); }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String policy = isUi(path) ? UI_POLICY : PAGE_POLICY;
        HeaderKeepingResponse wrapped = new HeaderKeepingResponse(resp) {
            @Override void applyHeaders() {
                HttpServletResponse r = (HttpServletResponse) getResponse();
                r.setHeader("X-Content-Type-Options", "nosniff");
                r.setHeader("X-Frame-Options", "DENY");
                r.setHeader("Content-Security-Policy", policy);
                r.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            }
        };
        wrapped.applyHeaders();
        String method = req.getMethod();
        if (method.equals("TRACE") || method.equals("TRACK")) {
            wrapped.setHeader("Allow", CorsFilter.METHODS);
            wrapped.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, method + " is not served");
            return;
        }
        if (path.startsWith("/$/") && !openAdminPaths.contains(adminPath(path))) {
            wrapped.sendError(HttpServletResponse.SC_NOT_FOUND, "no such path");
            return;
        }
        chain.doFilter(request, wrapped);
    }

    /** {@code /$/stats/kg} → {@code /$/stats}. */
    private static String adminPath(String path) {
        int slash = path.indexOf('/', 3);
        return slash < 0 ? path : path.substring(0, slash);
    }

    private static boolean isUi(String path) {
        return path.isEmpty() || path.equals("/") || path.equals("/index.html") || path.startsWith("/static/");
    }
}
