package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.util.ContentHash;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Validators and caching for everything whose answer depends only on the store and the request:
 * linked data, saved-query pages, the dataset description, and SPARQL and Graph Store GETs.
 * <ul>
 * <li>{@code ETag}: weak, from the store's {@link KnowledgeStore#generation() generation} (which
 *     only a write moves on), the server's configuration, and the request's {@code Accept} (one tag
 *     per representation); {@code Last-Modified}: the store's last write.</li>
 * <li>{@code If-None-Match} (or, without it, {@code If-Modified-Since}) that still holds is
 *     answered {@code 304} before anything runs: no query, no page.</li>
 * <li>{@code Cache-Control: public, max-age=N, must-revalidate}: a shared cache in front keeps the
 *     answer and, once it is older than N seconds, checks it with a cheap conditional GET; it is
 *     served again until the next load. Fuseki's own {@code Cache-Control} is replaced.</li>
 * </ul>
 * Only 200 answers carry these headers (an error or a time-out is not cached). POST is never
 * cached, nor anything else than GET and HEAD.
 */
final class CachingFilter implements Filter {

    private final KnowledgeStore store;
    private final String configuration;
    private final Duration maxAge;
    private final String dataset;

    /**
     * @param configuration what else the answers depend on (public base, saved queries): part of
     *                      every tag, so a restart with another configuration changes the tags
     */
    CachingFilter(KnowledgeStore store, String configuration, Duration maxAge, String dataset) {
        this.store = Objects.requireNonNull(store);
        this.configuration = ContentHash.shortHash(configuration);
        this.maxAge = maxAge;
        this.dataset = dataset;
    }

    /** The paths whose GET answers are cached. */
    boolean cacheable(String path) {
        return path.startsWith("/id/") || path.startsWith("/graph/") || path.equals("/ontology") || path.startsWith("/ontology.")
                || path.startsWith("/ontology/") || path.startsWith(ReportFeed.PATH + "/") || path.equals("/void") || path.equals("/.well-known/void")
                || path.equals(QueryPages.PATH) || path.startsWith(QueryPages.PATH + "/")
                || path.equals("/context.jsonld") || path.equals("/prefixes.json")
                || path.equals(dataset) || path.startsWith(dataset + "/");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String method = req.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || !cacheable(path)) {
            chain.doFilter(request, response);
            return;
        }
        String etag = etag(store.generation(), configuration, req.getHeader("Accept"));
        Instant modified = store.modified().truncatedTo(ChronoUnit.SECONDS);
        String cacheControl = "public, max-age=" + maxAge.toSeconds() + ", must-revalidate";
        if (path.equals(dataset) || path.startsWith(dataset + "/")) HttpHeaders.addVary(resp, "Accept");
        if (notModified(req, etag, modified)) {
            resp.setHeader("ETag", etag);
            resp.setHeader("Last-Modified", httpDate(modified));
            resp.setHeader("Cache-Control", cacheControl);
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        CachingResponse wrapped = new CachingResponse(resp, etag, httpDate(modified), cacheControl);
        wrapped.applyHeaders();
        chain.doFilter(request, wrapped);
    }

    static String etag(long generation, String configuration, String accept) {
        return "W/\"" + Long.toString(generation, 36) + "-" + configuration + "-"
                + ContentHash.shortHash(accept == null ? "" : accept.trim()) + "\"";
    }

    /** RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison); else If-Modified-Since. */
    static boolean notModified(HttpServletRequest req, String etag, Instant modified) {
        String ifNoneMatch = req.getHeader("If-None-Match");
        if (ifNoneMatch != null) return EntityTags.matchesWeakly(ifNoneMatch, etag);
        String ifModifiedSince = req.getHeader("If-Modified-Since");
        if (ifModifiedSince == null) return false;
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !modified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /** Puts the validators on a 200 and takes them off anything else; drops Fuseki's {@code no-store}. */
    private static final class CachingResponse extends HeaderKeepingResponse {
        private final String etag;
        private final String lastModified;
        private final String cacheControl;

        CachingResponse(HttpServletResponse response, String etag, String lastModified, String cacheControl) {
            super(response);
            this.etag = etag;
            this.lastModified = lastModified;
            this.cacheControl = cacheControl;
        }

        @Override void applyHeaders() {
            HttpServletResponse r = (HttpServletResponse) getResponse();
            r.setHeader("ETag", etag);
            r.setHeader("Last-Modified", lastModified);
            r.setHeader("Cache-Control", cacheControl);
        }

        private void removeHeaders() {
            HttpServletResponse r = (HttpServletResponse) getResponse();
            r.setHeader("ETag", null);
            r.setHeader("Last-Modified", null);
            r.setHeader("Cache-Control", "no-store");
        }

        private static boolean ours(String name) {
            return name.equalsIgnoreCase("Cache-Control") || name.equalsIgnoreCase("Pragma") || name.equalsIgnoreCase("Expires")
                    || name.equalsIgnoreCase("ETag") || name.equalsIgnoreCase("Last-Modified");
        }

        @Override public void setHeader(String name, String value) {
            if (!ours(name)) super.setHeader(name, value);
        }

        @Override public void addHeader(String name, String value) {
            if (!ours(name)) super.addHeader(name, value);
        }

        @Override public void setDateHeader(String name, long date) {
            if (!ours(name)) super.setDateHeader(name, date);
        }

        @Override public void addDateHeader(String name, long date) {
            if (!ours(name)) super.addDateHeader(name, date);
        }

        @Override public void setStatus(int sc) {
            super.setStatus(sc);
            if (sc == HttpServletResponse.SC_OK) applyHeaders();
            else removeHeaders();
        }

        @Override public void sendError(int sc, String msg) throws IOException {
            removeHeaders();
            super.sendError(sc, msg);
        }

        @Override public void sendError(int sc) throws IOException {
            removeHeaders();
            super.sendError(sc);
        }

        @Override public void sendRedirect(String location) throws IOException {
            removeHeaders();
            super.sendRedirect(location);
        }
    }
}
