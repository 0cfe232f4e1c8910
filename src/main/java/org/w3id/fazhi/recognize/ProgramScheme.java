package org.w3id.fazhi.recognize;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The programs of {@code programs.ttl}, each with every label it may be written as. */
public final class ProgramScheme {

    private final List<Program> programs;
    private final LabelIndex<Program> labels = new LabelIndex<>();

    private ProgramScheme(List<Program> programs) {
        this.programs = List.copyOf(programs);
        for (Program p : programs) {
            for (String label : p.labels()) {
                labels.add(label, p);
                // “双随机、一公开” is also written without its pause mark.
                if (label.contains("、")) labels.add(label.replace("、", ""), p);
            }
        }
    }

    /** Reads the fz:Program concepts of a model. */
    public static ProgramScheme from(Model model) {
        List<Program> programs = new ArrayList<>();
        var it = model.listResourcesWithProperty(RDF.type, model.createResource(RegionGazetteer.FZ + "Program"));
        while (it.hasNext()) {
            Resource r = it.next();
            String zh = null, en = null;
            List<String> all = new ArrayList<>();
            for (Statement s : r.listProperties(SKOS.prefLabel).toList()) {
                String lang = s.getLanguage();
                if (lang.startsWith("zh")) {
                    if (zh == null || lang.equals("zh")) zh = s.getString();
                    all.add(s.getString());
                } else if (lang.startsWith("en")) {
                    en = s.getString();
                }
            }
            for (Statement s : r.listProperties(SKOS.altLabel).toList()) {
                if (s.getLanguage().startsWith("zh")) all.add(s.getString());
            }
            Statement theme = r.getProperty(model.createProperty(RegionGazetteer.FZ + "theme"));
            RDFNode themeNode = theme == null ? null : theme.getObject();
            if (zh != null) {
                programs.add(new Program(r.getURI(), zh, en, all,
                        themeNode != null && themeNode.isURIResource() ? themeNode.asResource().getURI() : null));
            }
        }
        programs.sort(Comparator.comparing(Program::iri));
        return new ProgramScheme(programs);
    }

    public List<Program> programs() { return programs; }

    /** The program with this preferred or variant label, or null. */
    public Program byLabel(String label) {
        List<Program> found = labels.get(label);
        return found.isEmpty() ? null : found.get(0);
    }

    LabelIndex<Program> labels() { return labels; }
}
