package org.w3id.fazhi.recognize;


import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The programs of {@code programs.ttl}, each with every label it may be written as: its preferred and
 * alternative labels, found wherever they stand, and its hidden labels, short forms that other
 * fields use too (实地督察, 专项督察), found only where their clause speaks of the rule of law.
 */
public final class ProgramScheme {

    private static final String FZ_NS = "https://w3id.org/fazhi/ontology#";

    /**
     * Words that hold a label and name nothing: 述法 (reporting on one's rule-of-law duties) is also
     * the end of 上述, 陈述, 讲述 … before 法律, 法规, 法治; 法律顾问 of a firm is no government's.
     */
    private static final List<String> NOT_PROGRAMS = List.of(
            "上述法", "前述法", "所述法", "下述法", "概述法", "综述法", "阐述法", "叙述法", "详述法", "记述法",
            "转述法", "引述法", "论述法", "陈述法", "表述法", "描述法", "口述法", "著述法", "复述法", "讲述法",
            "简述法", "追述法", "企业法律顾问", "公司法律顾问");

    private final List<Program> programs;
    private final LabelIndex<Program> labels = new LabelIndex<>();
    /** The hidden labels, normalised, without quotation marks. */
    private final Set<String> guarded = new HashSet<>();

    private ProgramScheme(List<Program> programs, Map<Program, List<String>> hidden) {
        this.programs = List.copyOf(programs);
        for (Program p : programs) {
            List<String> all = new ArrayList<>(p.labels());
            all.addAll(hidden.getOrDefault(p, List.of()));
            for (String label : all) {
                labels.add(label, p);
                // “双随机、一公开” is also written without its pause mark.
                if (label.contains("、")) labels.add(label.replace("、", ""), p);
            }
            for (String label : hidden.getOrDefault(p, List.of())) guarded.add(TextView.normalize(label));
        }
        NOT_PROGRAMS.forEach(labels::block);
    }

    /** Reads the fz:Program concepts of a model. */
    public static ProgramScheme from(Model model) {
        List<Program> programs = new ArrayList<>();
        Map<Program, List<String>> hidden = new HashMap<>();
        var it = model.listResourcesWithProperty(RDF.type, model.createResource(FZ_NS + "Program"));
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
            List<String> hiddenLabels = new ArrayList<>();
            for (Statement s : r.listProperties(SKOS.hiddenLabel).toList()) {
                if (s.getLanguage().startsWith("zh")) hiddenLabels.add(s.getString());
            }
            Statement theme = r.getProperty(model.createProperty(FZ_NS + "theme"));
            RDFNode themeNode = theme == null ? null : theme.getObject();
            if (zh != null) {
                Program p = new Program(r.getURI(), zh, en, all,
                        themeNode != null && themeNode.isURIResource() ? themeNode.asResource().getURI() : null);
                programs.add(p);
                hidden.put(p, hiddenLabels);
            }
        }
        programs.sort(Comparator.comparing(Program::iri));
        return new ProgramScheme(programs, hidden);
    }

    public List<Program> programs() { return programs; }

    /** The program with this preferred or variant label, or null. */
    public Program byLabel(String label) {
        List<Program> found = labels.get(label);
        return found.isEmpty() ? null : found.get(0);
    }

    LabelIndex<Program> labels() { return labels; }

    /** Whether a label (as found, quotation marks left out) is a hidden one, to be trusted only where its clause speaks of law. */
    boolean guarded(String label) { return guarded.contains(TextView.normalize(label)); }
}
