package org.w3id.fazhi.query;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterFactory;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SPARQL 1.1 Query Results JSON Format (W3C Recommendation, 2013), written with Jackson's streaming
 * generator: the members Jena's own writer gives ({@code head.vars}, {@code results.bindings}, each
 * term's {@code type}, {@code value}, {@code xml:lang}, {@code its:dir}, {@code datatype}; triple
 * terms as {@code type: triple}; blank nodes b0, b1 … per result set unless
 * {@code ARQ.outputGraphBNodeLabels}), without its indentation.
 *
 * <p>Why: Jena's writer prints every character through an indenting writer, which made a third
 * of the server's CPU on saved queries whose rows carry long lists (the regions practising a
 * program). {@code SparqlJsonWriterTest} holds the two writers' output to the same JSON.
 */
public final class SparqlJsonWriter implements RowSetWriter {

    private static final JsonFactory JSON = new JsonFactory();

    public static final RowSetWriterFactory FACTORY = lang -> {
        if (!Objects.equals(lang, ResultSetLang.RS_JSON)) throw new IllegalArgumentException("not SPARQL results JSON: " + lang);
        return new SparqlJsonWriter();
    };

    /** Makes this the writer of SPARQL results JSON in this JVM (the server's, the CLI's). */
    public static void register() {
        RowSetWriterRegistry.register(ResultSetLang.RS_JSON, FACTORY);
    }

    private SparqlJsonWriter() {}

    @Override
    public void write(OutputStream out, RowSet rowSet, Context context) {
        generate(() -> JSON.createGenerator(out, JsonEncoding.UTF8), g -> write(g, rowSet, context));
    }

    @Override
    public void write(Writer out, RowSet rowSet, Context context) {
        generate(() -> JSON.createGenerator(out), g -> write(g, rowSet, context));
    }

    @Override
    public void write(OutputStream out, boolean result, Context context) {
        generate(() -> JSON.createGenerator(out, JsonEncoding.UTF8), g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("head");
            g.writeEndObject();
            g.writeBooleanField("boolean", result);
            g.writeEndObject();
        });
    }

    private interface Opening { JsonGenerator open() throws IOException; }

    private interface Body { void write(JsonGenerator g) throws IOException; }

    /** Writes a body with a new generator, leaving the caller's stream open. */
    private static void generate(Opening opening, Body body) {
        try (JsonGenerator g = opening.open()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator g, RowSet rowSet, Context context) throws IOException {
        boolean labelsAsGiven = context != null && context.isTrue(ARQ.outputGraphBNodeLabels);
        Map<Node, String> blankLabels = new HashMap<>();
        List<Var> vars = rowSet.getResultVars();
        g.writeStartObject();
        g.writeObjectFieldStart("head");
        g.writeArrayFieldStart("vars");
        for (Var v : vars) g.writeString(v.getVarName());
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("results");
        g.writeArrayFieldStart("bindings");
        while (rowSet.hasNext()) {
            Binding b = rowSet.next();
            g.writeStartObject();
            for (Var v : vars) {
                Node n = b.get(v);
                if (n == null) continue;
                g.writeFieldName(v.getVarName());
                term(g, n, labelsAsGiven, blankLabels);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void term(JsonGenerator g, Node n, boolean labelsAsGiven, Map<Node, String> blankLabels) throws IOException {
        g.writeStartObject();
        if (n.isURI()) {
            g.writeStringField("type", "uri");
            g.writeStringField("value", n.getURI());
        } else if (n.isLiteral()) {
            g.writeStringField("type", "literal");
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                g.writeStringField("xml:lang", lang);
                if (n.getLiteralBaseDirection() != null) g.writeStringField("its:dir", n.getLiteralBaseDirection().direction());
            } else if (!org.apache.jena.rdf.model.impl.Util.isSimpleString(n)) {
                g.writeStringField("datatype", n.getLiteralDatatypeURI());
            }
            g.writeStringField("value", n.getLiteralLexicalForm());
        } else if (n.isBlank()) {
            g.writeStringField("type", "bnode");
            String label = labelsAsGiven ? n.getBlankNodeLabel() : blankLabels.computeIfAbsent(n, k -> "b" + blankLabels.size());
            g.writeStringField("value", label);
        } else if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            g.writeStringField("type", "triple");
            g.writeObjectFieldStart("value");
            g.writeFieldName("subject");
            term(g, t.getSubject(), labelsAsGiven, blankLabels);
            g.writeFieldName("predicate");
            term(g, t.getPredicate(), labelsAsGiven, blankLabels);
            g.writeFieldName("object");
            term(g, t.getObject(), labelsAsGiven, blankLabels);
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("a result term SPARQL JSON cannot write: " + n);
        }
        g.writeEndObject();
    }
}
