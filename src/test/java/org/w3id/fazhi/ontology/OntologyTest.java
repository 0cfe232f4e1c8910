package org.w3id.fazhi.ontology;

import org.w3id.fazhi.rdf.Vocabularies;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.rdf.FZ;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vocabularies in {@code ontology/} say what the project promises of them. */
class OntologyTest {

    private static boolean hasLang(Resource r, org.apache.jena.rdf.model.Property p, String lang) {
        return r.listProperties(p).toList().stream().anyMatch(s -> s.getObject().isLiteral() && s.getLanguage().equals(lang));
    }

    @Test
    void everyTermOfTheVocabularyClassIsDeclaredAndLabelledInBothLanguages() throws Exception {
        Model onto = Vocabularies.file("fazhi.ttl");
        List<String> missing = new ArrayList<>();
        for (Field f : FZ.class.getFields()) {
            Object v = f.get(null);
            if (!(v instanceof Resource r) || !r.getURI().startsWith(FZ.NS)) continue;
            Resource term = onto.getResource(r.getURI());
            if (!term.hasProperty(RDF.type)) missing.add(f.getName() + " undeclared");
            for (String lang : List.of("zh", "en")) {
                if (!hasLang(term, RDFS.label, lang)) missing.add(f.getName() + " label@" + lang);
                if (!hasLang(term, RDFS.comment, lang)) missing.add(f.getName() + " comment@" + lang);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyTermDeclaredInTheOntologyHasAConstant() throws Exception {
        Model onto = Vocabularies.file("fazhi.ttl");
        Set<String> constants = new HashSet<>();
        for (Field f : FZ.class.getFields()) {
            if (f.get(null) instanceof Resource r) constants.add(r.getURI());
        }
        Set<String> declared = onto.listSubjects().toList().stream().filter(Resource::isURIResource)
                .map(Resource::getURI).filter(u -> u.startsWith(FZ.NS)).collect(Collectors.toSet());
        declared.removeAll(constants);
        assertEquals(Set.of(), declared);
    }

    @Test
    void theProgramSchemeCoversTheCanonicalListWithLabelsDefinitionsAndThemes() throws Exception {
        Model programs = Vocabularies.file("programs.ttl");
        Model themes = Vocabularies.file("themes.ttl");
        List<Resource> all = programs.listResourcesWithProperty(RDF.type, FZ.Program).toList();
        assertTrue(all.size() >= 80, "programs: " + all.size());
        List<String> problems = new ArrayList<>();
        Set<String> prefLabels = new HashSet<>();
        for (Resource p : all) {
            for (String lang : List.of("zh", "en")) {
                if (!hasLang(p, SKOS.prefLabel, lang)) problems.add(p + " prefLabel@" + lang);
                if (!hasLang(p, SKOS.definition, lang)) problems.add(p + " definition@" + lang);
            }
            Statement theme = p.getProperty(FZ.theme);
            if (theme == null || !themes.contains(theme.getResource(), RDF.type, FZ.Theme)) problems.add(p + " theme");
            p.listProperties(SKOS.prefLabel).forEach(s -> prefLabels.add(s.getString()));
        }
        assertEquals(List.of(), problems);
        Path canonical = Path.of("../shared/gold/program_list.tsv");
        if (Files.exists(canonical)) {
            List<String> names = Files.readAllLines(canonical).stream().skip(1).map(l -> l.split("\t")[0]).toList();
            List<String> absent = names.stream().filter(n -> !prefLabels.contains(n)).toList();
            assertEquals(List.of(), absent);
        }
    }

    @Test
    void themesAreTheEightAreasAndPartyLeadershipMappedToBothYardsticks() {
        Model themes = Vocabularies.file("themes.ttl");
        List<Resource> all = themes.listResourcesWithProperty(RDF.type, FZ.Theme).toList();
        assertEquals(9, all.size());
        // Mapped where a first-level indicator fits: 突发事件应对 and 科技保障 have none in either yardstick.
        for (String scheme : List.of("cupl-assessment", "demonstration-indicators")) {
            Resource s = themes.getResource("https://w3id.org/fazhi/id/scheme/" + scheme);
            long mapped = all.stream().filter(t -> t.listProperties(SKOS.closeMatch).toList().stream()
                    .anyMatch(m -> m.getResource().hasProperty(SKOS.inScheme, s))).count();
            assertEquals(7, mapped, scheme);
        }
    }

    @Test
    void indicatorsHaveUnitsAndThemes() {
        Model indicators = Vocabularies.file("indicators.ttl");
        List<Resource> all = indicators.listResourcesWithProperty(RDF.type, FZ.Indicator).toList();
        assertTrue(all.size() >= 35, "indicators: " + all.size());
        for (Resource i : all) {
            assertTrue(i.hasProperty(FZ.unitOfMeasure), i + " unit");
            assertTrue(i.hasProperty(FZ.theme), i + " theme");
            assertTrue(i.hasProperty(SKOS.notation), i + " code");
        }
    }

    @Test
    void regionsFormATreeAndEveryCodeSaysItsScheme() {
        Model regions = Vocabularies.file("regions.ttl");
        List<Resource> all = regions.listResourcesWithProperty(RDF.type, FZ.Region).toList();
        assertTrue(all.size() > 3000, "regions: " + all.size());
        List<String> problems = new ArrayList<>();
        int provinces = 0;
        for (Resource r : all) {
            if (!r.hasProperty(FZ.codeScheme)) problems.add(r + " scheme");
            if (r.hasProperty(FZ.adminCode) && !r.hasProperty(FZ.codeEdition)) problems.add(r + " edition");
            RDFNode parent = r.hasProperty(FZ.parent) ? r.getProperty(FZ.parent).getObject() : null;
            if (parent == null) {
                provinces++;
            } else if (!regions.contains(parent.asResource(), RDF.type, FZ.Region)) {
                problems.add(r + " parent " + parent);
            }
            if (!r.hasProperty(FZ.province)) problems.add(r + " province");
        }
        assertEquals(List.of(), problems);
        assertEquals(31, provinces);
    }
}
