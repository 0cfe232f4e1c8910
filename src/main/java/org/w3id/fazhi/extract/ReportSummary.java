package org.w3id.fazhi.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3id.fazhi.recognize.AgencyMention;
import org.w3id.fazhi.recognize.CandidateProgram;
import org.w3id.fazhi.recognize.MetricMention;
import org.w3id.fazhi.recognize.ProgramMention;
import org.w3id.fazhi.recognize.metadata.Region;
import org.w3id.fazhi.recognize.ReportMentions;
import org.w3id.fazhi.recognize.metadata.ReportMetadata;

import java.util.HashSet;
import java.util.Set;

/**
 * The JSON Lines summary of a report, in the shape {@code ../shared/gold/README.md} defines (and
 * the scorer reads): metadata, facts and programs, plus IRIs, agencies and candidate programs.
 */
public final class ReportSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportSummary() {}

    public static ObjectNode of(ExtractedReport r) {
        ReportMentions mentions = r.mentions();
        ReportMetadata meta = mentions.metadata();
        String text = r.document().text();
        ObjectNode o = JSON.createObjectNode();
        o.put("source", r.document().location());
        o.put("iri", r.reportIri());
        o.put("graph", r.graphIri());
        o.put("title", meta.title());
        o.put("region", meta.regionName());
        Region region = meta.region();
        o.put("region_full", region == null ? null : region.fullName());
        o.put("region_iri", region == null ? null : region.iri());
        o.put("province", meta.province());
        o.put("level", meta.level());
        if (meta.year() == null) o.putNull("year"); else o.put("year", meta.year());
        o.put("published", meta.published() == null ? null : meta.published().toString());
        o.put("publisher", meta.publisher());
        // How sure the region is, and why: added keys, the gold shape's keys are unchanged.
        o.put("region_confidence", Math.round(meta.regionConfidence() * 100) / 100.0);
        ArrayNode evidence = o.putArray("region_evidence");
        meta.regionEvidence().forEach(evidence::add);
        o.put("region_warning", meta.regionWarning());
        if (meta.signature() == null) {
            o.putNull("signature");
        } else {
            // The document's closing signature: who signed, when, and where it stands in the text.
            ObjectNode sig = o.putObject("signature");
            ArrayNode issuers = sig.putArray("issuers");
            meta.signature().issuers().forEach(i -> issuers.add(i.name()));
            sig.put("date", meta.signature().date().toString());
            sig.put("quote", text.substring(meta.signature().start(), meta.signature().end()));
            sig.put("start", meta.signature().start());
            sig.put("end", meta.signature().end());
        }
        ArrayNode facts = o.putArray("facts");
        for (MetricMention f : mentions.metrics()) {
            ObjectNode j = facts.addObject();
            j.put("quote", text.substring(f.quote().start(), f.quote().end()));
            j.put("number_text", f.numberText());
            j.put("value", f.value());
            j.put("unit", f.unit());
            j.put("approx", f.approximation().notation());
            j.put("what", f.what());
            j.put("indicator", f.indicator());
            j.put("section", f.section().factSection());
            j.put("cn", f.chineseNumeral() ? 1 : 0);
            j.put("start", f.number().start());
            j.put("end", f.number().end());
        }
        ArrayNode programs = o.putArray("programs");
        Set<String> seen = new HashSet<>();
        var status = mentions.programStatus();
        for (ProgramMention p : mentions.programs()) {
            if (!seen.add(p.program().iri())) continue;
            ObjectNode j = programs.addObject();
            j.put("program", p.program().label());
            j.put("surface", p.surface());
            j.put("status", status.get(p.program()).notation());
            j.put("iri", p.program().iri());
        }
        ArrayNode candidates = o.putArray("candidate_programs");
        Set<String> names = new HashSet<>();
        for (CandidateProgram c : mentions.candidates()) if (names.add(c.name())) candidates.add(c.name());
        ArrayNode agencies = o.putArray("agencies");
        Set<String> agencyNames = new HashSet<>();
        for (AgencyMention a : mentions.agencies()) {
            if (!agencyNames.add(a.name())) continue;
            ObjectNode j = agencies.addObject();
            j.put("agency", a.name());
            j.put("kind", a.kind().name().toLowerCase());
            j.put("region", a.region() == null ? null : a.region().label());
        }
        return o;
    }

    public static String line(ExtractedReport r) {
        return of(r).toString();
    }
}
