package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Atom feeds of new reports, read by a real feed parser: Debian's python3-feedparser reads the
 * whole dataset's, a province's (its reports are a county's) and a program's, with no bozo flag, and
 * every link is under the public base. Skipped without feedparser, unless {@code FAZHI_REQUIRE_CLIENTS=1}.
 */
@ExtendWith(TestServer.Shared.class)
class FeedTest {

    static final String PUBLIC = "https://kg.example.org";
    static TestServer shared;
    static KnowledgeServer server;

    @BeforeAll
    static void start(TestServer s) {
        shared = s;
        server = KnowledgeServer.builder().store(s.store()).port(0).publicBase(PUBLIC).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void feedparserReadsTheFeedsWithoutComplaint() throws Exception {
        boolean required = "1".equals(System.getenv("FAZHI_REQUIRE_CLIENTS"));
        boolean present = ClientMatrixTest.runs(ClientMatrixTest.PYTHON, "-c", "import feedparser");
        if (!present && required) fail("python3-feedparser is missing, and FAZHI_REQUIRE_CLIENTS=1");
        assumeTrue(present, "python3-feedparser is missing: skipped");

        String all = server.url() + "feeds/reports";
        String province = server.url() + "feeds/region/360000";
        String program = server.url() + "feeds/program/fengqiao-experience";
        JsonNode out = new ObjectMapper().readTree(ClientMatrixTest.run("", null, ClientMatrixTest.PYTHON,
                "src/test/python/feed_check.py", all, province, program));
        for (String url : List.of(all, province, program)) {
            JsonNode f = out.get(url);
            assertEquals(0, f.get("bozo").asInt(), url + ": " + f.get("bozo_exception").asText());
            assertEquals("atom10", f.get("version").asText(), url);
            assertTrue(f.get("content_type").asText().startsWith("application/atom+xml"), url);
            assertTrue(f.get("id").asText().startsWith(PUBLIC + "/feeds/"), url + " " + f.get("id"));
            for (JsonNode l : f.get("links")) assertTrue(l.get("href").asText().startsWith(PUBLIC + "/"), url + " " + l);
            for (JsonNode e : f.get("entries")) {
                assertTrue(e.get("id").asText().startsWith("https://w3id.org/fazhi/id/report/"), e.toString());
                assertTrue(e.get("updated_parsed").asBoolean(), e.toString());
                assertFalse(e.get("title").asText().isBlank(), e.toString());
                for (JsonNode l : e.get("links")) assertTrue(l.get("href").asText().startsWith(PUBLIC + "/"), e.toString());
            }
        }
        assertEquals(5, out.get(all).get("entries").size(), "the five reports");
        JsonNode jiangxi = out.get(province).get("entries");
        assertEquals(1, jiangxi.size(), "Jiangxi's report is Nanchang county's: " + jiangxi);
        assertEquals("https://w3id.org/fazhi/id/report/360121-2023", jiangxi.get(0).get("id").asText());
        assertTrue(jiangxi.get(0).get("categories").toString().contains("https://w3id.org/fazhi/id/region/360121"));
        int practising = out.get(program).get("entries").size();
        assertTrue(practising >= 1 && practising < 5, "the reports practising or planning 枫桥经验: " + practising);
        System.out.printf("FeedTest: feedparser read %d, %d and %d entries, bozo 0 each%n",
                out.get(all).get("entries").size(), jiangxi.size(), practising);
    }

    @Test
    void unknownFeedsAre404AndPagesLinkTheirFeeds() throws Exception {
        assertEquals(404, get("/feeds/region/999999").statusCode());
        assertEquals(404, get("/feeds/nothing").statusCode());
        String page = shared.get("/id/region/360121", "text/html").body();
        assertTrue(page.contains("type=\"application/atom+xml\"") && page.contains("/feeds/region/360121"), "the region page links its feed");
    }

    static HttpResponse<String> get(String path) throws Exception {
        return shared.http().send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
