package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.fazhi.store.KnowledgeStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In front of everything that runs a query (the SPARQL endpoint, the saved-query pages):
 * <ul>
 * <li>at most {@code perClient} requests of one client address at once (the client as
 * {@link TrustedProxies} names it behind a proxy; each request is logged with it); beyond that a 429 with
 * {@code Retry-After}, before any work is done, so one client cannot take every worker;</li>
 * <li>a read transaction the request thread still holds when the request is over (Fuseki can
 * return from a query cut short by the time limit without ending it) is ended here, so that
 * time-outs never keep the store open.</li>
 * </ul>
 */
final class QueryGuard implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(QueryGuard.class);

    private final KnowledgeStore store;
    private final int perClient;
    private final long retryAfterSeconds;
    private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

    QueryGuard(KnowledgeStore store, int perClient, long retryAfterSeconds) {
        if (perClient < 1) throw new IllegalArgumentException("at least one query per client: " + perClient);
        this.store = store;
        this.perClient = perClient;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String client = request.getRemoteAddr();
        HttpServletRequest req = (HttpServletRequest) request;
        if (!acquire(client)) {
            LOG.info("429 for client {}: {} queries running already ({} {})", client, perClient, req.getMethod(), req.getRequestURI());
            refuse((HttpServletResponse) response);
            return;
        }
        long t0 = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            LOG.info("client {}: {} {} {} in {} ms", client, req.getMethod(), req.getRequestURI(),
                    ((HttpServletResponse) response).getStatus(), (System.nanoTime() - t0) / 1_000_000);
            running.computeIfPresent(client, (k, n) -> n == 1 ? null : n - 1);
            if (store.endLeftoverTransaction()) {
                LOG.warn("ended a transaction left open by {} {}", ((HttpServletRequest) request).getMethod(),
                        ((HttpServletRequest) request).getRequestURI());
            }
        }
    }

    private boolean acquire(String client) {
        boolean[] admitted = {false};
        running.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= perClient) return n;
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    /** Queries running now, over all clients (for tests). */
    int running() {
        return running.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void refuse(HttpServletResponse response) throws IOException {
        byte[] body = ("Too many queries at once from your address (at most " + perClient
                + "): wait for one to finish, then try again.\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
