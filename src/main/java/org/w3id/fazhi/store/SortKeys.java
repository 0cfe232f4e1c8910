package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnvBase;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * A row's place in a saved query's {@code ORDER BY}, as bytes whose unsigned order is the order
 * SPARQL gives the rows (Jena's {@code BindingComparator}): each sort condition evaluated on the
 * row, then encoded so that comparing bytes compares values.
 *
 * <ul>
 * <li>no value (unbound, or an error) sorts first, as in Jena;</li>
 * <li>numbers by value (any of xsd:integer, decimal, double, float: one number line);</li>
 * <li>strings by their UTF-16 code units, as Java's {@code String.compareTo}, which Jena uses:
 * each unit as two bytes, big-endian, and two zero bytes after the last, so a string sorts before
 * every longer string it begins;</li>
 * <li>a language-tagged string by its tag, then its text; an IRI by its text;</li>
 * <li>a {@code DESC} condition has its bytes inverted.</li>
 * </ul>
 * Values of different kinds under one condition sort by kind (numbers before strings); Jena
 * compares such values by their syntax instead. The saved queries sort each condition by values
 * of one kind, and {@code AnswersTest} compares every query's order with Jena's.
 */
final class SortKeys {

    private static final FunctionEnvBase ENV = new FunctionEnvBase();

    private static final int NONE = 0x00, NUMBER = 0x10, STRING = 0x20, LANG = 0x30, IRI = 0x40, OTHER = 0x50;

    private SortKeys() {}

    /** The key of a row under the given sort conditions. */
    static byte[] key(List<SortCondition> conditions, Binding row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (SortCondition c : conditions) {
            NodeValue v;
            try {
                v = c.getExpression().eval(row, ENV);
            } catch (ExprEvalException e) {
                v = null;
            }
            byte[] part = encode(v);
            if (c.getDirection() == Query.ORDER_DESCENDING) {
                for (int i = 0; i < part.length; i++) part[i] = (byte) ~part[i];
            }
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** One value, ascending. */
    static byte[] encode(NodeValue v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        if (v == null) {
            out.write(NONE);
        } else if (v.isNumber()) {
            out.write(NUMBER);
            number(out, v.getDecimal());
        } else if (v.isString()) {
            out.write(STRING);
            string(out, v.getString());
        } else if (v.isLangString()) {
            Node n = v.asNode();
            out.write(LANG);
            string(out, n.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT));
            string(out, n.getLiteralLexicalForm());
        } else if (v.isIRI()) {
            out.write(IRI);
            string(out, v.asNode().getURI());
        } else {
            // Dates and the like: by their lexical form (the saved queries sort none).
            out.write(OTHER);
            string(out, v.asNode().isLiteral() ? v.asNode().getLiteralLexicalForm() : v.asNode().toString());
        }
        return out.toByteArray();
    }

    /** UTF-16 code units, two bytes each, then two zero bytes. */
    static void string(ByteArrayOutputStream out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) throw new IllegalArgumentException("a sort value holds U+0000");
            out.write(c >>> 8);
            out.write(c & 0xFF);
        }
        out.write(0);
        out.write(0);
    }

    /**
     * A number on one line: a sign byte (negative, zero, positive), then for positive values the
     * decimal exponent (as an unsigned int, offset) and the digits, each digit byte one more than
     * the digit, then a zero byte; a negative value has the bytes of its magnitude inverted.
     */
    static void number(ByteArrayOutputStream out, BigDecimal value) {
        int sign = value.signum();
        if (sign == 0) {
            out.write(0x80);
            return;
        }
        BigDecimal magnitude = value.abs().stripTrailingZeros();
        String digits = magnitude.unscaledValue().toString();
        int exponent = digits.length() - magnitude.scale();
        ByteArrayOutputStream m = new ByteArrayOutputStream(digits.length() + 5);
        long e = (long) exponent + 0x80000000L;
        m.write((int) (e >>> 24) & 0xFF);
        m.write((int) (e >>> 16) & 0xFF);
        m.write((int) (e >>> 8) & 0xFF);
        m.write((int) e & 0xFF);
        for (int i = 0; i < digits.length(); i++) m.write(digits.charAt(i) - '0' + 1);
        m.write(0);
        byte[] bytes = m.toByteArray();
        if (sign > 0) {
            out.write(0x81);
        } else {
            out.write(0x7F);
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) ~bytes[i];
        }
        out.writeBytes(bytes);
    }
}
