package org.w3id.fazhi.store;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows of every size read back from the answers index, small ones from the compressed stored
 * field and large ones from the doc value, in any order a page asks for them.
 */
class AnswerIndexTest {

    @Test
    void smallAndLargeRowsReadBackInAnyOrder(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        Map<String, byte[]> written = new HashMap<>();
        try (AnswerIndex index = new AnswerIndex(dir)) {
            for (int batch = 0; batch < 3; batch++) {
                // Three commits make three segments, so rows lie in several leaves.
                for (int i = 0; i < 40; i++) {
                    String id = batch + "-" + i;
                    int size = random.nextInt(4) == 0 ? AnswerIndex.LARGE_ROW + random.nextInt(50_000) : 1 + random.nextInt(AnswerIndex.LARGE_ROW);
                    if (i == 0) size = AnswerIndex.LARGE_ROW;
                    if (i == 1) size = AnswerIndex.LARGE_ROW + 1;
                    byte[] row = new byte[size];
                    random.nextBytes(row);
                    written.put(id, row);
                    index.add("t", id, "g" + batch, id.getBytes(StandardCharsets.UTF_8), row, null, null, null);
                }
                index.prepare("token" + batch, "fp");
                index.commit();
            }
            index.publish(1);
            DirectoryReader reader = index.acquire(1);
            assertNotNull(reader);
            try {
                assertTrue(reader.leaves().size() > 1, "rows in several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                ScoreDoc[] all = searcher.search(new MatchAllDocsQuery(), 1000).scoreDocs;
                assertEquals(120, all.length);
                List<Integer> docs = new ArrayList<>();
                for (ScoreDoc sd : all) docs.add(sd.doc);
                // Forwards, backwards, shuffled, and the same row twice in a row.
                List<Integer> backwards = new ArrayList<>(docs);
                java.util.Collections.reverse(backwards);
                List<List<Integer>> orders = new ArrayList<>(List.of(docs, backwards));
                List<Integer> shuffled = new ArrayList<>(docs);
                java.util.Collections.shuffle(shuffled, random);
                shuffled.add(shuffled.get(shuffled.size() - 1));
                orders.add(shuffled);
                int large = 0;
                for (List<Integer> order : orders) {
                    AnswerIndex.Rows rows = new AnswerIndex.Rows(searcher);
                    for (int doc : order) {
                        BytesRef got = rows.row(doc);
                        byte[] bytes = java.util.Arrays.copyOfRange(got.bytes, got.offset, got.offset + got.length);
                        assertTrue(written.values().stream().anyMatch(w -> java.util.Arrays.equals(w, bytes)), "row of doc " + doc);
                        if (bytes.length > AnswerIndex.LARGE_ROW) large++;
                    }
                }
                assertTrue(large > 10, "some rows went into the doc value: " + large);
                // Each doc's row is its own: the sort key orders docs as the ids were written.
                AnswerIndex.Rows rows = new AnswerIndex.Rows(searcher);
                List<String> ids = new ArrayList<>(written.keySet());
                java.util.Collections.sort(ids);
                for (int i = 0; i < docs.size(); i++) {
                    BytesRef got = rows.row(i);
                    assertArrayEquals(written.get(ids.get(i)), java.util.Arrays.copyOfRange(got.bytes, got.offset, got.offset + got.length), ids.get(i));
                }
            } finally {
                index.release(reader);
            }
        }
    }
}
