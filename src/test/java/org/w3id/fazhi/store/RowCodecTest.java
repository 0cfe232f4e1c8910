package org.w3id.fazhi.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows come back from their bytes as they went in, whatever their text holds. */
class RowCodecTest {

    private static final List<Var> VARS = List.of(Var.alloc("iri"), Var.alloc("plain"), Var.alloc("han"), Var.alloc("lang"),
            Var.alloc("typed"), Var.alloc("none"), Var.alloc("blank"));

    private static Binding row(String iri, String plain, String han, String lang, Node typed, String blank) {
        return Binding.builder()
                .add(VARS.get(0), NodeFactory.createURI(iri))
                .add(VARS.get(1), NodeFactory.createLiteralString(plain))
                .add(VARS.get(2), NodeFactory.createLiteralString(han))
                .add(VARS.get(3), NodeFactory.createLiteralLang(lang, "zh"))
                .add(VARS.get(4), typed)
                .add(VARS.get(6), NodeFactory.createBlankNode(blank))
                .build();
    }

    private static void roundTrip(Binding in) {
        byte[] bytes = RowCodec.encode(VARS, in);
        // Decoded from the middle of a larger array, as Lucene hands rows back.
        byte[] padded = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        Binding out = RowCodec.decode(VARS, padded, 3, bytes.length);
        for (Var v : VARS) assertEquals(in.get(v), out.get(v), v.getVarName());
        assertFalse(out.contains(Var.alloc("none")));
    }

    @Test
    void everyKindOfValue() {
        roundTrip(row("https://w3id.org/fazhi/id/region/360121", "café 1.5", "南昌县坚持和发展新时代“枫桥经验”",
                "法治政府", NodeFactory.createLiteralDT("2021-03-31", XSDDatatype.XSDdate), "b0"));
    }

    @Test
    void emptyTextAndLatinOneAtTheEdge() {
        // ÿ (U+00FF) still fits one byte a character; Ā (U+0100) does not.
        roundTrip(row("", "", "Āÿ", "ÿ", NodeFactory.createLiteralDT("12", XSDDatatype.XSDinteger), "ÿ"));
    }

    @Test
    void charactersOutsideTheBasicPlane() {
        // 𠀀 and 𡈽 are Han characters written as surrogate pairs; an emoji too.
        roundTrip(row("https://example.org/𠀀", "a😀b", "𡈽县", "𠀀", NodeFactory.createLiteralString("x"), "b1"));
    }

    @Test
    void longRowsWithLengthsOfSeveralBytes() {
        String regions = "江西省南昌市南昌县、".repeat(5_000);
        String ascii = "https://w3id.org/fazhi/id/region/".repeat(500);
        Binding in = row(ascii, ascii, regions, regions, NodeFactory.createLiteralString(regions), "b2");
        roundTrip(in);
        // Han text takes two bytes a character, not UTF-8's three.
        assertTrue(RowCodec.encode(VARS, in).length < 4 * regions.length() * 2 + 3 * ascii.length() + 100);
    }

    @Test
    void aTruncatedRowIsAnError() {
        byte[] bytes = RowCodec.encode(VARS, row("i", "p", "汉", "语", NodeFactory.createLiteralString("t"), "b"));
        assertThrows(RuntimeException.class, () -> RowCodec.decode(VARS, bytes, 0, bytes.length - 1));
    }
}
