package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /assets/*}: the few script files the saved-query pages and the pages of regions, programs and indicators load, read from the classpath —
 * ECharts from its WebJar and our chart script — so the pages work without a network. Only the
 * names listed here are served; nothing else on the classpath is reachable.
 */
final class WebAssets extends HttpServlet {

    static final String PATH = "/assets";
    static final String ECHARTS = PATH + "/echarts.min.js";
    static final String CHART_SCRIPT = PATH + "/query-chart.js";
    static final String THING_CHARTS = PATH + "/thing-charts.js";
    static final String REPORT_SCRIPT = PATH + "/report-page.js";

    private final Map<String, String> resources = Map.of(
            "/echarts.min.js", "META-INF/resources/webjars/echarts/" + echartsVersion() + "/echarts.min.js",
            "/query-chart.js", "fazhi/web/query-chart.js",
            "/thing-charts.js", "fazhi/web/thing-charts.js",
            "/report-page.js", "fazhi/web/report-page.js");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** The WebJar's version, from its Maven metadata, so a version bump in the pom needs no code change. */
    private static String echartsVersion() {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars/echarts/pom.properties")) {
            if (in == null) throw new IllegalStateException("the echarts WebJar is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String resource = resources.get(req.getPathInfo() == null ? "" : req.getPathInfo());
        byte[] body = resource == null ? null : cache.computeIfAbsent(resource, WebAssets::read);
        if (body == null || body.length == 0) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such asset");
            return;
        }
        resp.setContentType("text/javascript; charset=utf-8");
        resp.setHeader("Cache-Control", "public, max-age=86400");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
