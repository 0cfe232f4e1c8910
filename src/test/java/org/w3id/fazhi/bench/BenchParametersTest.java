package org.w3id.fazhi.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;
import org.w3id.fazhi.query.TestStore;
import org.w3id.fazhi.server.KnowledgeServer;
import org.w3id.fazhi.server.TestServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server bench's parameters: read from the store, drawn the same way for the same seed. */
@ExtendWith(TestServer.Shared.class)
class BenchParametersTest {

    static TestServer server;
    static BenchParameters parameters;
    static final List<SavedQuery> SAVED = SavedQueries.load().all();

    @BeforeAll
    static void read(TestServer shared) {
        server = shared;
        parameters = BenchParameters.read(shared.store().dataset());
    }

    @Test
    void theListsComeFromTheStore() {
        assertTrue(parameters.regions().contains(TestStore.NANCHANG), parameters.regions().toString());
        assertTrue(parameters.programs().contains("枫桥经验"), parameters.programs().toString());
        assertTrue(parameters.indicators().contains("reconsideration-received"), parameters.indicators().toString());
        assertFalse(parameters.themes().isEmpty());
        assertFalse(parameters.keywords().isEmpty());
        for (String k : parameters.keywords()) assertTrue(k.length() == 2 || k.length() == 4, k);
    }

    @Test
    void everyStringParameterIsDrawnFromItsList() {
        Random random = new Random(3);
        int drawn = 0;
        for (SavedQuery q : SAVED) {
            Map<String, String> values = parameters.draw(q, random);
            for (SavedQuery.Param p : q.params()) {
                List<String> list = parameters.listFor(p);
                if (list == null) {
                    assertFalse(values.containsKey(p.name()), q.name() + " " + p.name());
                } else {
                    assertTrue(list.contains(values.get(p.name())), q.name() + " " + p.name() + " = " + values.get(p.name()));
                    drawn++;
                }
            }
        }
        assertTrue(drawn >= 10, "only " + drawn + " parameters drawn");
    }

    @Test
    void theSameSeedAsksTheSameQueries() {
        assertEquals(sequence(42, 0), sequence(42, 0));
        assertNotEquals(sequence(42, 0), sequence(43, 0));
        assertNotEquals(sequence(42, 0), sequence(42, 1));
        // the values vary: far more distinct queries than saved queries
        assertTrue(new java.util.HashSet<>(sequence(42, 0)).size() > SAVED.size() * 2);
    }

    private static List<String> sequence(long seed, int client) {
        Random random = ServerPhase.clientRandom(seed, client);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < SAVED.size() * 4; i++) out.add(ServerPhase.nextQuery(SAVED, parameters, random, i));
        return out;
    }

    @Test
    void theDrawnQueriesRunAsGets() throws Exception {
        Random random = ServerPhase.clientRandom(1, 0);
        for (int i = 0; i < SAVED.size(); i++) {
            String q = ServerPhase.nextQuery(SAVED, parameters, random, i);
            HttpRequest req = HttpRequest.newBuilder(URI.create(server.url(KnowledgeServer.DATASET + "/sparql?query="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8)))).header("Accept", "application/sparql-results+json").build();
            HttpResponse<String> r = server.http().send(req, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), SAVED.get(i).name() + ": " + r.body());
        }
    }
}
