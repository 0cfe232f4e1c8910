package org.w3id.fazhi.store;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A row of an answer table as bytes: its values in the order of the table's variables, each as a
 * kind byte and its text (an IRI; a string; a language-tagged string; another literal with its
 * datatype), lengths as varints. A row decodes without any RDF parser.
 *
 * <p>Text is kept as Java holds it in memory, not as UTF-8: one byte a character when every
 * character fits in one (IRIs, numbers, dates), else two (little-endian UTF-16 code units). Rows
 * that list every region or every problem sentence run to tens of kilobytes of Han text, and a
 * first page of them is read on every request: turning UTF-8 back into UTF-16 was a third of
 * such a page's time, copying code units is a small part of it; Han text also takes two bytes
 * a character this way instead of three.
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

    /** The length in characters, shifted left once with the low bit set for two bytes a character; then the characters. */
    private static void text(ByteArrayOutputStream out, String s) {
        int n = s.length();
        boolean wide = false;
        for (int i = 0; i < n && !wide; i++) wide = s.charAt(i) > 0xFF;
        int header = (n << 1) | (wide ? 1 : 0);
        while (header >= 0x80) {
            out.write((header & 0x7F) | 0x80);
            header >>>= 7;
        }
        out.write(header);
        if (!wide) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            byte[] b = new byte[2 * n];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().put(s);
            out.writeBytes(b);
        }
    }

    private static String text(byte[] bytes, int[] at) {
        int header = 0, shift = 0;
        while (true) {
            int b = bytes[at[0]++] & 0xFF;
            header |= (b & 0x7F) << shift;
            if (b < 0x80) break;
            shift += 7;
        }
        int n = header >>> 1;
        if ((header & 1) == 0) {
            String s = new String(bytes, at[0], n, StandardCharsets.ISO_8859_1);
            at[0] += n;
            return s;
        }
        char[] chars = new char[n];
        ByteBuffer.wrap(bytes, at[0], 2 * n).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().get(chars);
        at[0] += 2 * n;
        return new String(chars);
    }
}
