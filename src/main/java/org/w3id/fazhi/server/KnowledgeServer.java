package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SparqlJsonWriter;
import org.w3id.fazhi.rdf.ReportJsonLd;
import org.w3id.fazhi.rdf.W3C;
import org.w3id.fazhi.store.KnowledgeStore;

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The embedded Fuseki server over a {@link KnowledgeStore}: the dataset {@code /kg} (SPARQL query,
 * Graph Store read; update only with {@link Builder#allowUpdate} and only from localhost), the
 * Fuseki UI at {@code /}, linked data for every minted IRI, the saved queries at {@code /queries},
 * the dataset description and dumps.
 *
 * <p>In front of all of it, in this order: {@link SecurityFilter} (security headers, no TRACE, no
 * admin paths), {@link CorsFilter} (any origin, no credentials), {@link ReadOnlyFilter} (405 for
 * writes unless allowed), {@link GzipFilter}, {@link CachingFilter} (ETag, Last-Modified, 304,
 * Cache-Control from the store's generation), {@link AnswerCache} (whole 200 answers of SPARQL
 * GETs, saved queries and linked data, kept in memory for the store's current generation).
 *
 * <pre>{@code
 * KnowledgeServer server = KnowledgeServer.builder().store(store).port(3030).build().start();
 * }</pre>
 */
public final class KnowledgeServer {

    public static final String DATASET = "/kg";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_QUERIES_PER_CLIENT = 4;
    /** How long a cache may keep an answer before it checks it again (it stays valid until the next load). */
    public static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofMinutes(5);
    /** Largest query answer held back until complete (see {@link CompleteResponseFilter}). */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 256L << 20;

    /** Default bound of the answer cache (total bytes of the answers it holds); 0 turns it off. */
    public static final long DEFAULT_ANSWER_CACHE_BYTES = AnswerCache.DEFAULT_MAX_BYTES;
    /** Largest answer the answer cache keeps. */
    public static final long DEFAULT_ANSWER_CACHE_ENTRY_BYTES = AnswerCache.DEFAULT_MAX_ENTRY_BYTES;

    private final FusekiServer fuseki;
    private final int requestedPort;
    private final AnswerCache answers;

    private KnowledgeServer(FusekiServer fuseki, int requestedPort, AnswerCache answers) {
        this.fuseki = fuseki;
        this.requestedPort = requestedPort;
        this.answers = answers;
    }

    /** What the answer cache did so far (all zero when it is off). */
    public record CacheStats(long hits, long misses, long entries, long bytes) {
        /** Hits over lookups; 0 before the first. */
        public double hitRate() {
            long lookups = hits + misses;
            return lookups == 0 ? 0 : (double) hits / lookups;
        }
    }

    /** The answer cache's hits and misses, and what it holds. */
    public CacheStats cacheStats() {
        return answers == null ? new CacheStats(0, 0, 0, 0) : answers.stats();
    }

    public static Builder builder() { return new Builder(); }

    /** Starts listening; a taken port is a {@link PortInUseException}. */
    public KnowledgeServer start() {
        // SPARQL results as JSON without Jena's character-by-character indenting writer.
        SparqlJsonWriter.register();
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) throw new PortInUseException(requestedPort, e);
            }
            throw e;
        }
        return this;
    }

    public int port() { return fuseki.getHttpPort(); }

    public String url() { return "http://localhost:" + port() + "/"; }

    public void stop() { fuseki.stop(); }

    public void join() { fuseki.join(); }

    /** Configuration of a server. */
    public static final class Builder {
        private KnowledgeStore store;
        private int port = 3030;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean allowUpdate;
        private boolean ui = true;
        private SavedQueries queries;
        private int maxQueriesPerClient = DEFAULT_QUERIES_PER_CLIENT;
        private long maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
        private Set<String> allowedServices = Set.of();
        private String publicBase;
        private Duration cacheMaxAge = DEFAULT_CACHE_MAX_AGE;
        private boolean stats;
        private long answerCacheBytes = DEFAULT_ANSWER_CACHE_BYTES;
        private long answerCacheEntryBytes = DEFAULT_ANSWER_CACHE_ENTRY_BYTES;
        private List<String> trustedProxies = List.of();

        public Builder store(KnowledgeStore store) { this.store = store; return this; }

        /** The port (default 3030; 0 picks a free one). */
        public Builder port(int port) { this.port = port; return this; }

        /** The longest a query may run (default 30 s). */
        public Builder timeout(Duration timeout) { this.timeout = Objects.requireNonNull(timeout); return this; }

        /** Accept SPARQL update and Graph Store writes, from localhost only (default: refused). */
        public Builder allowUpdate(boolean allowUpdate) { this.allowUpdate = allowUpdate; return this; }

        /** Serve the Fuseki UI at / (default: yes). */
        public Builder ui(boolean ui) { this.ui = ui; return this; }

        /** The saved queries served at /queries (default: {@link SavedQueries#load()}). */
        public Builder queries(SavedQueries queries) { this.queries = queries; return this; }

        /** How many queries one client address may run at once (default 4); more get 429 with Retry-After. */
        public Builder maxQueriesPerClient(int n) {
            if (n < 1) throw new IllegalArgumentException("at least one query per client: " + n);
            this.maxQueriesPerClient = n;
            return this;
        }

        /** The largest answer sent (default 256 MiB); a larger one is refused whole with 413. */
        public Builder maxAnswerBytes(long bytes) {
            if (bytes < 1) throw new IllegalArgumentException("maxAnswerBytes: " + bytes);
            this.maxAnswerBytes = bytes;
            return this;
        }

        /** Endpoints a query may name in SERVICE (default none: every SERVICE is refused with 400). */
        public Builder allowService(Collection<String> endpoints) {
            this.allowedServices = Set.copyOf(endpoints);
            return this;
        }
        /**
         * The server's public URL as clients reach it (e.g. {@code https://kg.example.org}, behind a
         * proxy), used in the dataset and service descriptions; default {@code http://localhost:PORT}.
         * The Host header is never used for them.
         */
        public Builder publicBase(String publicBase) {
            if (publicBase == null) {
                this.publicBase = null;
                return this;
            }
            URI uri = URI.create(publicBase);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("the public base must be an http(s) URL without query or fragment: " + publicBase);
            }
            this.publicBase = publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase;
            return this;
        }

        /**
         * Reverse proxies (IP addresses or CIDR ranges) whose {@code Forwarded} / {@code X-Forwarded-For}
         * headers name the client, for the per-client limit and the logs (default none: every client
         * is its socket's address). See {@link TrustedProxies}.
         */
        public Builder trustedProxies(Collection<String> proxies) {
            proxies.forEach(TrustedProxies::parse);
            this.trustedProxies = List.copyOf(proxies);
            return this;
        }

        /** How long shared caches may keep answers before revalidating them (default 5 minutes). */
        public Builder cacheMaxAge(Duration maxAge) {
            if (maxAge.isNegative()) throw new IllegalArgumentException("negative max-age");
            this.cacheMaxAge = maxAge;
            return this;
        }

        /** Serve Fuseki's {@code /$/stats} (default: no; every {@code /$/} path but ping and the UI's is 404). */
        public Builder stats(boolean stats) { this.stats = stats; return this; }

        /**
         * The bound of the in-memory answer cache, in total bytes of the answers it holds (default
         * 64 MiB; 0 turns it off). See {@link AnswerCache}.
         */
        public Builder answerCacheBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("answerCacheBytes: " + bytes);
            this.answerCacheBytes = bytes;
            return this;
        }

        /** The largest answer the answer cache keeps (default 4 MiB). */
        public Builder answerCacheEntryBytes(long bytes) {
            if (bytes < 1) throw new IllegalArgumentException("answerCacheEntryBytes: " + bytes);
            this.answerCacheEntryBytes = bytes;
            return this;
        }

        public KnowledgeServer build() {
            Objects.requireNonNull(store, "store");
            RdfText.everyWriterAtPrefix();
            org.w3id.fazhi.query.AnswerEngine.register();
            String base = store.graphs().base();
            Dataset dataset = store.dataset();
            // ARQ's limit: the first number is the wait for the first result, the second the whole query.
            dataset.getContext().set(ARQ.queryTimeout, timeout.toMillis() + "," + timeout.toMillis());
            IriMapping iris = new IriMapping(base);
            DatasetDescription description = new DatasetDescription(dataset, base, publicBase);
            SavedQueries saved = queries != null ? queries : SavedQueries.load();
            QueryEditorSetup editor = new QueryEditorSetup(W3C.prefixes(base), saved.all());

            ServedDataset served = new ServedDataset(dataset.asDatasetGraph());
            served.getContext().set(ARQ.queryTimeout, timeout.toMillis() + "," + timeout.toMillis());
            ServiceGuard.install(served.getContext(), allowedServices);
            FusekiServer.Builder b = FusekiServer.create()
                    .port(port)
                    .add(DATASET, served, allowUpdate)
                    .enableCors(false)
                    .enablePing(true)
                    .enableStats(stats);
            Set<String> admin = new HashSet<>(Set.of("/$/ping"));
            if (ui) admin.add("/$/server");
            if (stats) admin.add("/$/stats");
            if (!trustedProxies.isEmpty()) b.addFilter("/*", new TrustedProxies(trustedProxies));
            b.addFilter("/*", new SecurityFilter(admin));
            b.addFilter("/*", new CorsFilter());
            if (!allowUpdate) {
                b.addFilter(DATASET, new ReadOnlyFilter(DATASET));
                b.addFilter(DATASET + "/*", new ReadOnlyFilter(DATASET));
            }
            b.addFilter("/*", new GzipFilter());
            String configuration = publicBase + "\n" + saved.all();
            b.addFilter("/*", new CachingFilter(store, configuration, cacheMaxAge, DATASET));
            // Whole answers of this generation: a hit skips the per-client limit and Jena.
            AnswerCache answers = answerCacheBytes == 0 ? null
                    : new AnswerCache(store::generation, DATASET, answerCacheBytes, answerCacheEntryBytes);
            if (answers != null) b.addFilter("/*", answers);
            // After the cache: an answer a client already holds costs it none of its share.
            QueryGuard guard = new QueryGuard(store, maxQueriesPerClient, timeout.toSeconds());
            b.addFilter(DATASET + "/*", guard);
            b.addFilter(QueryPages.PATH + "/*", guard);
            b.addFilter(SearchRequest.PATH, guard);
            if (allowUpdate) b.addFilter(DATASET + "/*", new UpdateGuard());
            b.addFilter(DATASET + "/*", new CompleteResponseFilter(maxAnswerBytes, timeout.toSeconds(),
                    ServiceGuard.message(allowedServices)));
            b.addFilter(DATASET + "/sparql", serviceDescription(description));
            if (ui) {
                // FMod_UI needs the server-control object the admin module would set; the admin
                // module itself stays off (its endpoints are unprotected). The UI lists datasets
                // from /$/server, which is read-only.
                b.addServletAttribute(Fuseki.attrFusekiServerCtl, new FusekiServerCtl(store.folder().toAbsolutePath()));
                b.fusekiModules(FusekiModules.create(FMod_UI.create()));
                b.addServlet("/$/server", new ActionServerStatus());
                b.addFilter("/$/server", new ServerVersion());
                b.addFilter("/static/*", editor);
            }
            LinkedDataServlet linkedData = new LinkedDataServlet(dataset, iris);
            for (String path : LinkedDataServlet.paths()) b.addServlet(path, linkedData);
            QueryRunner runner = QueryRunner.builder().dataset(dataset).timeout(timeout).build();
            b.addServlet(QueryPages.PATH + "/*", new SavedQueryServlet(saved, runner, iris));
            b.addServlet(SearchRequest.PATH, new SearchServlet(dataset, iris, timeout));
            b.addServlet(WebAssets.PATH + "/*", new WebAssets());
            b.addServlet(OverviewPage.PATH, new OverviewPage(dataset, iris));
            b.addServlet(ReportFeed.PATH + "/*", new ReportFeed(store, iris, publicBase));
            b.addServlet("/void", description);
            b.addServlet("/.well-known/void", description);
            b.addServlet("/dumps/*", new DumpServlet(store, cacheMaxAge));
            b.addServlet("/prefixes.json", text("application/json", editor.prefixesJson()));
            b.addServlet("/context.jsonld", text("application/ld+json", ReportJsonLd.contextText(base)));
            return new KnowledgeServer(b.build(), port, answers);
        }

        /** A GET on the endpoint without a query answers with the service description, as SPARQL 1.1 asks. */
        private static Filter serviceDescription(DatasetDescription description) {
            return (request, response, chain) -> {
                HttpServletRequest req = (HttpServletRequest) request;
                if (req.getMethod().equals("GET") && req.getQueryString() == null) {
                    description.service(request, response);
                } else {
                    chain.doFilter(request, response);
                }
            };
        }

        private static HttpServlet text(String contentType, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    resp.setContentType(contentType + "; charset=utf-8");
                    resp.setContentLength(bytes.length);
                    resp.getOutputStream().write(bytes);
                }
            };
        }
    }

}
