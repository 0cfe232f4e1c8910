package org.w3id.fazhi.store;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A row of an answer table as bytes: its values in the order of the table's variables, each as a
 * kind byte and its text (an IRI; a string; a language-tagged string; another literal with its
 * datatype), lengths as varints. Lucene compresses the stored bytes; a row decodes without any
 * RDF parser.
 */
final class RowCodec {

    private static final int UNBOUND = 0, IRI = 1, STRING = 2, LANG = 3, TYPED = 4, BLANK = 5;

    private RowCodec() {}

    static byte[] encode(List<Var> vars, Binding row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        for (Var v : vars) {
            Node n = row.get(v);
            if (n == null) {
                out.write(UNBOUND);
            } else if (n.isURI()) {
                out.write(IRI);
                text(out, n.getURI());
            } else if (n.isBlank()) {
                out.write(BLANK);
                text(out, n.getBlankNodeLabel());
            } else if (n.isLiteral()) {
                String lang = n.getLiteralLanguage();
                if (lang != null && !lang.isEmpty()) {
                    out.write(LANG);
                    text(out, n.getLiteralLexicalForm());
                    text(out, lang);
                } else if (XSDDatatype.XSDstring.getURI().equals(n.getLiteralDatatypeURI())) {
                    out.write(STRING);
                    text(out, n.getLiteralLexicalForm());
                } else {
                    out.write(TYPED);
                    text(out, n.getLiteralLexicalForm());
                    text(out, n.getLiteralDatatypeURI());
                }
            } else {
                throw new IllegalArgumentException("cannot keep " + n + " in an answer row");
            }
        }
        return out.toByteArray();
    }

    static Binding decode(List<Var> vars, byte[] bytes, int offset, int length) {
        BindingBuilder b = Binding.builder();
        int[] at = {offset};
        for (Var v : vars) {
            int kind = bytes[at[0]++];
            Node n = switch (kind) {
                case UNBOUND -> null;
                case IRI -> NodeFactory.createURI(text(bytes, at));
                case BLANK -> NodeFactory.createBlankNode(text(bytes, at));
                case STRING -> NodeFactory.createLiteralString(text(bytes, at));
                case LANG -> {
                    String lex = text(bytes, at);
                    yield NodeFactory.createLiteralLang(lex, text(bytes, at));
                }
                case TYPED -> {
                    String lex = text(bytes, at);
                    yield NodeFactory.createLiteralDT(lex, TypeMapper.getInstance().getSafeTypeByName(text(bytes, at)));
                }
                default -> throw new IllegalStateException("bad answer row: kind " + kind);
            };
            if (n != null) b.add(v, n);
        }
        if (at[0] != offset + length) throw new IllegalStateException("bad answer row: " + (at[0] - offset) + " of " + length + " bytes read");
        return b.build();
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        while (n >= 0x80) {
            out.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.write(n);
        out.writeBytes(b);
    }

    private static String text(byte[] bytes, int[] at) {
        int n = 0, shift = 0;
        while (true) {
            int b = bytes[at[0]++] & 0xFF;
            n |= (b & 0x7F) << shift;
            if (b < 0x80) break;
            shift += 7;
        }
        String s = new String(bytes, at[0], n, StandardCharsets.UTF_8);
        at[0] += n;
        return s;
    }
}
