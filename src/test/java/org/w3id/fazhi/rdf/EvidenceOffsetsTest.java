package org.w3id.fazhi.rdf;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.source.OfficeSuite;
import org.w3id.fazhi.source.PrintedReport;
import org.w3id.fazhi.source.TestDocuments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every piece of evidence in every graph of both development sets, applied to the published text
 * resource as RFC 5147 says (character positions in code points), gives back the words the graph
 * says were read there: the quote, the heading of a section, the surface form of a program, the
 * name of an agency.
 */
class EvidenceOffsetsTest {

    private static final String PLACE = "^.*?(省|市|县|区|州|旗|镇|乡|街道)(?=.)";

    /** The text a {@code …#char=s,e} IRI points at, counted in code points. */
    static String segment(String text, String evidenceIri) {
        String range = evidenceIri.substring(evidenceIri.indexOf("#char=") + 6);
        int comma = range.indexOf(',');
        int start = Integer.parseInt(range.substring(0, comma)), end = Integer.parseInt(range.substring(comma + 1));
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../shared/seeds", "../shared/gold-extra/reports", "data/reports"})
    void everySelectorGivesBackItsWords(String folder) {
        Assumptions.assumeTrue(Files.isDirectory(Path.of(folder)), "no development set at " + folder);
        assertEverySelectorGivesBackItsWords(folder);
    }

    /** The five reports as PDF, .docx and .doc files: their quotes point into the text read from the file. */
    @Test
    void everySelectorOfAPublishedDocumentGivesBackItsWords(@TempDir Path dir) throws Exception {
        for (Path report : Files.list(Path.of("data/reports")).sorted().toList()) {
            List<String> lines = Files.readAllLines(report);
            String name = report.getFileName().toString().replace(".txt", "");
            Files.write(dir.resolve(name + ".pdf"), TestDocuments.pdf(lines, "政府信息公开专栏", TestDocuments.PageNumbers.DASHES, null, null));
            Files.write(dir.resolve(name + ".docx"), TestDocuments.docx(lines, "政府信息公开专栏", null, null, false));
            Files.write(dir.resolve(name + ".doc"), TestDocuments.doc(lines, false));
        }
        assertEverySelectorGivesBackItsWords(dir.toString());
    }

    /**
     * The reports laid out as printed and saved by LibreOffice as .pdf, .docx and .doc
     * ({@link PrintedReport}, {@link OfficeSuite}): their quotes point into the text read from each file.
     */
    @ParameterizedTest
    @ValueSource(strings = {"data/reports", "../shared/seeds", "../shared/gold-extra/reports", "../shared/gold-meta/reports"})
    void everySelectorOfAnOfficeDocumentGivesBackItsWords(String folder, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of(folder)), "no development set at " + folder);
        OfficeSuite office = OfficeSuite.find().orElseGet(() -> fail(OfficeSuite.missing()));
        for (String format : List.of("pdf", "docx", "doc")) {
            office.convertReports(Path.of(folder), format, dir.resolve(format));
            assertEverySelectorGivesBackItsWords(dir.resolve(format).toString());
        }
    }

    private static void assertEverySelectorGivesBackItsWords(String folder) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (ExtractionPipeline.Run run = ExtractionPipeline.builder().build().run(List.of(folder))) {
            while (run.hasNext()) {
                ExtractionResult r = run.next();
                assertTrue(r instanceof ExtractionResult.Extracted, r.toString());
                Model g = ((ExtractionResult.Extracted) r).graph();
                Resource textResource = g.getRequiredProperty(g.createResource(((ExtractionResult.Extracted) r).reportIri()), FZ.hasText).getResource();
                String text = textResource.getRequiredProperty(FZ.text).getString();
                for (Statement st : g.listStatements(null, FZ.evidence, (org.apache.jena.rdf.model.RDFNode) null).toList()) {
                    String iri = st.getResource().getURI();
                    String segment = segment(text, iri);
                    Resource s = st.getSubject();
                    String words = s.hasProperty(FZ.quote) && s.listProperties(FZ.evidence).toList().size() == 1 ? s.getProperty(FZ.quote).getString()
                            : s.hasProperty(FZ.surface) ? s.getProperty(FZ.surface).getString()
                            : s.hasProperty(RDFS.label) ? s.getProperty(RDFS.label).getString()
                            : null;
                    checked++;
                    if (s.hasProperty(FZ.numberText)) {
                        // An observation stated twice has one quote and two places: each place holds its number.
                        String number = s.getRequiredProperty(FZ.numberText).getString();
                        if (s.listProperties(FZ.evidence).toList().size() > 1) {
                            if (!segment.contains(number)) wrong.add(iri + " lacks " + number);
                            continue;
                        }
                    } else if (s.hasProperty(SKOS.prefLabel) && !s.hasProperty(FZ.surface)) {
                        // An agency: the place names the same body as its preferred name does.
                        String body = ReportGraphBuilder.canonicalBody(segment.replaceAll(PLACE, ""));
                        String named = ReportGraphBuilder.canonicalBody(s.getProperty(SKOS.prefLabel).getString());
                        if (body.isEmpty() || !named.endsWith(body)) wrong.add(iri + ": '" + segment + "' is not " + named);
                        continue;
                    }
                    if (words != null && s.hasProperty(RDFS.label) && s.getProperty(RDFS.label).getString().equals("概述")) continue;
                    if (words != null && !segment.equals(words) && !(words.startsWith(segment) && segment.length() >= 1
                            && s.hasProperty(RDFS.label))) {
                        wrong.add(iri + ": '" + segment + "' but the graph says '" + words + "'");
                    }
                }
            }
        }
        assertTrue(checked > 50, folder + ": evidence checked: " + checked);
        assertEquals(List.of(), wrong.subList(0, Math.min(10, wrong.size())), folder + ": " + wrong.size() + " wrong");
    }
}
