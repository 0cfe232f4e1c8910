package org.w3id.fazhi.server;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.writer.DirectiveStyle;
import org.apache.jena.sparql.core.DatasetGraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RDF written for every parser: Turtle and TriG with {@code @prefix} lines, not the SPARQL-style
 * {@code PREFIX} that Jena 5 writes by default, which Turtle 1.0 and N3 parsers (rdflib's {@code n3}
 * and older Turtle readers) do not read. Both forms are Turtle 1.1.
 */
final class RdfText {

    private RdfText() {}

    /**
     * Makes {@code @prefix} the style of every Turtle and TriG this JVM writes where no context says
     * otherwise: the Fuseki endpoints' CONSTRUCT, DESCRIBE and Graph Store answers too.
     */
    static void everyWriterAtPrefix() {
        DirectiveStyle.systemDefault = DirectiveStyle.AT;
        RIOT.getContext().set(RIOT.symTurtleDirectiveStyle, "at");
    }

    static void write(OutputStream out, Model model, RDFFormat format) throws IOException {
        if (format.equals(RDFFormat.TRIX)) {
            trix(out, b -> RDFWriter.source(model).format(format).output(b));
        } else {
            RDFWriter.source(model).format(format).set(RIOT.symTurtleDirectiveStyle, "at").output(out);
        }
    }

    static void write(OutputStream out, DatasetGraph dataset, RDFFormat format) throws IOException {
        if (format.equals(RDFFormat.TRIX)) {
            trix(out, b -> RDFWriter.source(dataset).format(format).output(b));
        } else {
            RDFWriter.source(dataset).format(format).set(RIOT.symTurtleDirectiveStyle, "at").output(out);
        }
    }

    /**
     * TriX with its root element spelt {@code TriX}, as the TriX report and its schema spell it: Jena
     * writes {@code trix} (and reads both), rdflib reads only {@code TriX}, RDF4J both.
     */
    private static void trix(OutputStream out, java.util.function.Consumer<OutputStream> writer) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writer.accept(buffer);
        String xml = buffer.toString(StandardCharsets.UTF_8);
        if (xml.startsWith("<trix ") && xml.stripTrailing().endsWith("</trix>")) {
            int end = xml.lastIndexOf("</trix>");
            xml = "<TriX " + xml.substring("<trix ".length(), end) + "</TriX>" + xml.substring(end + "</trix>".length());
        }
        out.write(xml.getBytes(StandardCharsets.UTF_8));
    }
}
