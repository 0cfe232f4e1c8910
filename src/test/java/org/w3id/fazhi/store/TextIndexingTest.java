package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.rdf.FZ;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the text index holds, and that a store indexed by an earlier version loses its retired entries with their graph. */
class TextIndexingTest {

    private static final Node GRAPH = NodeFactory.createURI("https://w3id.org/fazhi/graph/report/1-2023");
    private static final Triple BODY = Triple.create(NodeFactory.createURI("https://w3id.org/fazhi/id/report/1-2023/text"),
            FZ.text.asNode(), NodeFactory.createLiteralString("全年收到行政复议申请12件。"));

    @Test
    void reportBodiesAreNotIndexed() {
        assertFalse(TextIndexing.PREDICATES.contains(FZ.text.asNode()));
        assertNull(org.apache.jena.query.text.TextQueryFuncs.entityFromQuad(TextIndexing.entityDefinition(), GRAPH,
                BODY.getSubject(), BODY.getPredicate(), BODY.getObject()));
    }

    @Test
    void aBodyIndexedBeforeIsDeletedWithItsGraph() {
        // An index made when bodies were indexed: the current predicates and fz:text, in the one field.
        EntityDefinition old = TextIndexing.entityDefinition();
        old.set(TextIndexing.FIELD, FZ.text.asNode());
        TextIndexConfig config = new TextIndexConfig(old);
        config.setValueStored(true);
        TextIndex index = new TextIndexLucene(new ByteBuffersDirectory(), config);
        index.addEntity(org.apache.jena.query.text.TextQueryFuncs.entityFromQuad(old, GRAPH, BODY.getSubject(),
                BODY.getPredicate(), BODY.getObject()));
        index.commit();
        assertEquals(1, hits(index));

        Entity gone = TextIndexing.entityToDelete(TextIndexing.entityDefinition(), GRAPH, BODY);
        assertNotNull(gone);
        index.deleteEntity(gone);
        index.commit();
        assertEquals(0, hits(index));
        index.close();
    }

    private static int hits(TextIndex index) {
        return index.query(null, "\"行政复议\"", null, null, 100).size();
    }
}
