package org.w3id.fazhi.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterJSON;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast SPARQL JSON writer gives the JSON Jena's own writer gives, and Jena reads back the rows. */
class SparqlJsonWriterTest {

    static final Var A = Var.alloc("a"), B = Var.alloc("b"), C = Var.alloc("c");

    static List<Binding> rows() {
        Node blank = NodeFactory.createBlankNode("x1");
        List<Binding> rows = new ArrayList<>();
        rows.add(Binding.builder().add(A, NodeFactory.createURI("https://w3id.org/fazhi/id/region/360121"))
                .add(B, NodeFactory.createLiteralString("南昌县 \"引号\" \\ 换行\n制表\t")).add(C, blank).build());
        rows.add(Binding.builder().add(A, NodeFactory.createLiteralLang("枫桥经验", "zh"))
                .add(B, NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger)).build());
        rows.add(Binding.builder().add(B, NodeFactory.createLiteralDirLang("مرحبا", "ar", "rtl")).add(C, blank).build());
        rows.add(Binding.builder().add(A, NodeFactory.createTripleTerm(Triple.create(NodeFactory.createURI("http://ex/s"),
                NodeFactory.createURI("http://ex/p"), NodeFactory.createLiteralDT("2023-03-28", XSDDatatype.XSDdate)))).build());
        rows.add(Binding.builder().add(C, NodeFactory.createBlankNode("y2")).build());
        rows.add(Binding.builder().build());
        return rows;
    }

    static byte[] write(org.apache.jena.riot.rowset.RowSetWriter w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSet rs = RowSetStream.create(List.of(A, B, C), rows().iterator());
        w.write(out, rs, Context.emptyContext());
        return out.toByteArray();
    }

    @Test
    void theSameJsonAsJenasWriter() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode jena = json.readTree(write(RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON)));
        JsonNode ours = json.readTree(write(SparqlJsonWriter.FACTORY.create(ResultSetLang.RS_JSON)));
        assertEquals(jena, ours);
        assertEquals(6, ours.path("results").path("bindings").size());
    }

    @Test
    void jenaReadsTheRowsBack() {
        byte[] bytes = write(SparqlJsonWriter.FACTORY.create(ResultSetLang.RS_JSON));
        RowSet back = RowSetReaderRegistry.getFactory(ResultSetLang.RS_JSON).create(ResultSetLang.RS_JSON)
                .read(new ByteArrayInputStream(bytes), Context.emptyContext());
        assertEquals(List.of(A, B, C), back.getResultVars());
        List<Binding> read = back.materialize().stream().toList();
        List<Binding> written = rows();
        assertEquals(written.size(), read.size());
        for (int i = 0; i < written.size(); i++) {
            for (Var v : List.of(A, B)) assertEquals(written.get(i).get(v), read.get(i).get(v), "row " + i + " " + v);
        }
        // One blank node in two rows stays one; another is another.
        assertEquals(read.get(0).get(C), read.get(2).get(C));
        assertEquals(false, read.get(0).get(C).equals(read.get(4).get(C)));
    }

    @Test
    void askResults() throws Exception {
        ByteArrayOutputStream ours = new ByteArrayOutputStream(), jena = new ByteArrayOutputStream();
        SparqlJsonWriter.FACTORY.create(ResultSetLang.RS_JSON).write(ours, true, Context.emptyContext());
        RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON).write(jena, true, Context.emptyContext());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(jena.toByteArray()), json.readTree(ours.toByteArray()));
    }
}
