package org.w3id.fazhi.recognize.metadata;

import org.w3id.fazhi.recognize.AgencyKind;
import org.w3id.fazhi.recognize.LabelIndex;
import org.w3id.fazhi.recognize.MetricRecognizer;
import org.w3id.fazhi.recognize.Numerals;
import org.w3id.fazhi.recognize.TextView;

import org.w3id.fazhi.clean.CleanedDocument;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a report says about itself: title, region, level, year covered, publishing date and
 * publisher. Pages print the title, date and source above the body (kept by the cleaner as the
 * header, read by {@link TitleReader} and {@link PageHeader}); a document saved as text, PDF or Word
 * has its issuer and date in its signature ({@link Signature}), read where the page says nothing.
 * Who issued the report ({@link Issuer}: its title, signature or opening subject) decides whether
 * it is a department's; the region is left to {@link RegionResolver}.
 */
public final class MetadataRecognizer {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d)(?=年)");
    private static final Pattern CHINESE_YEAR = Pattern.compile("(二[〇零][一二三四五六七八九〇零]{2})(?=年)");
    /** How a department speaks of itself: 我局, 本厅, 我委 (not 委员), 我办. */
    private static final Pattern DEPARTMENT_SELF = Pattern.compile("[我本]([局厅办]|委(?!员))");
    /** How a government speaks of itself: 我县, 全市, 本区. */
    private static final Pattern AREA_SELF = Pattern.compile("[我本][省市县区州盟旗]");

    private final RegionGazetteer gazetteer;
    private final RegionResolver regions;

    public MetadataRecognizer(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.regions = new RegionResolver(gazetteer);
    }

    public ReportMetadata recognize(CleanedDocument doc, TextView body) {
        return recognize(doc, body, gazetteer.placeMentions(body.text()));
    }

    /** The same, with the place names of the body found already (by the automaton every dictionary shares). */
    public ReportMetadata recognize(CleanedDocument doc, TextView body, List<LabelIndex.Hit<Region>> bodyPlaces) {
        List<String> fromElsewhere = new ArrayList<>();
        String title = TitleReader.read(doc);
        if (title == null) {
            title = propertyTitle(doc);
            if (title != null) fromElsewhere.add(DOCUMENT_TITLE + "=" + title);
        }
        Integer year = year(title, body.text());
        LocalDate published = PageHeader.published(doc, year);
        DateSource publishedFrom = published == null ? null : DateSource.PAGE;
        String pagePublisher = PageHeader.publisher(doc);
        String publisher = pagePublisher;
        Signature signature = Signature.read(body);
        if (signature != null && (year == null || signature.date().getYear() >= year)) {
            if (published == null) {
                published = signature.date();
                publishedFrom = DateSource.SIGNATURE;
                fromElsewhere.add("signature-date=" + published);
            }
            if (publisher == null && signature.publisher() != null) {
                publisher = signature.publisher();
                fromElsewhere.add("signature=" + publisher);
            }
        } else {
            signature = null;
        }
        if (published == null) {
            published = propertyDate(doc, year);
            if (published != null) {
                publishedFrom = DateSource.DOCUMENT_PROPERTY;
                fromElsewhere.add(DOCUMENT_CREATED + "=" + published);
            }
        }
        Issuer issuer = issuer(title, signature, body.text());
        List<String> signers = signature == null ? List.of() : signature.issuers().stream().map(Issuer::name).toList();
        // Each clue once: a signatory is not also the issuer, a publisher read from the signature not also the page's.
        Issuer named = issuer != null && signers.contains(issuer.name()) ? null : issuer;
        RegionResolver.Resolution resolution = regions.resolve(new RegionResolver.Clues(title, pagePublisher, signers,
                named, body.text(), bodyPlaces, year));
        List<String> evidence = new ArrayList<>(resolution.evidence());
        evidence.addAll(fromElsewhere);
        RegionResolver.Place place = resolution.place();
        String level = place == null ? null : place.region().level();
        String department = null;
        if (isDepartment(issuer, body.text())) {
            level = "department";
            department = issuer != null ? departmentName(TextView.normalize(issuer.name())) : null;
            if (issuer != null) evidence.add("issuer:" + issuer.name());
        }
        Region region = place == null ? null : place.region();
        Region province = region == null ? null : gazetteer.province(region);
        return new ReportMetadata(title, place == null ? null : place.name(), region,
                province == null ? null : province.label(), level, year, published, publisher,
                department, resolution.confidence(), evidence, resolution.warning(), null, signature, publishedFrom);
    }

    /**
     * Who issued the report: the body its title names, else the first government or department
     * among its signatories, else the subject of its opening sentence; null when none is named.
     */
    static Issuer issuer(String title, Signature signature, String body) {
        Issuer fromTitle = title == null ? null : Issuer.ofTitle(title);
        if (fromTitle != null) return fromTitle;
        if (signature != null && !signature.issuers().isEmpty()) {
            // 中共南昌县委 南昌县人民政府: a joint report is the government's.
            for (Issuer i : signature.issuers()) if (i.kind() == AgencyKind.GOVERNMENT) return i;
            for (Issuer i : signature.issuers()) if (i.kind() == AgencyKind.DEPARTMENT) return i;
            return signature.issuers().get(0);
        }
        return Issuer.ofOpening(body);
    }

    /**
     * A department's report: its issuer is a department (司法局, 发展和改革委员会, 人民政府办公室), or,
     * with no issuer named, it speaks of itself as a department (我局, 本厅) more than as an area.
     */
    static boolean isDepartment(Issuer issuer, String body) {
        if (issuer != null) return issuer.kind() == AgencyKind.DEPARTMENT;
        return count(DEPARTMENT_SELF, body) >= 2 && count(DEPARTMENT_SELF, body) > count(AREA_SELF, body);
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    // ------------------------------------------------------------------ a document's own properties

    /**
     * A PDF's or Word file's title and creation date (the keys the source stage gives them). They are
     * taken only where the text says nothing, as the weakest evidence there is: a title is often the
     * template's or the file's name, and a file is created before it is published. Each one taken
     * is named in the evidence ({@code document-title=…}).
     */
    static final String DOCUMENT_TITLE = "document-title";
    static final String DOCUMENT_CREATED = "document-created";
    /** What converters put before or after a title: "Microsoft Word - 报告.docx". */
    private static final Pattern CONVERTER_TITLE = Pattern.compile("^Microsoft Word\\s*-\\s*|\\.(docx?|wps|pdf)$",
            Pattern.CASE_INSENSITIVE);

    static String propertyTitle(CleanedDocument doc) {
        String value = doc.pageMetadata().get(DOCUMENT_TITLE);
        if (value == null) return null;
        String line = TitleReader.text(CONVERTER_TITLE.matcher(value.strip()).replaceAll(""));
        return TitleReader.isTitle(line) ? line : null;
    }

    static LocalDate propertyDate(CleanedDocument doc, Integer year) {
        String value = doc.pageMetadata().get(DOCUMENT_CREATED);
        if (value == null) return null;
        try {
            LocalDate date = LocalDate.parse(value.strip());
            // A report on a year is written in it or the year after: a file created earlier is a reused
            // template, one created later an export made since (a PDF's creation date is when it was
            // saved as PDF). With no year to hold it against, the date says nothing.
            return year != null && (date.getYear() == year || date.getYear() == year + 1) ? date : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ the year covered

    /** The year covered: the first year in the title, else the first in the body that is not a citation. */
    static Integer year(String title, String body) {
        if (title != null) {
            Matcher m = YEAR.matcher(title);
            if (m.find()) return Integer.valueOf(m.group(1));
            Matcher cn = CHINESE_YEAR.matcher(title);
            if (cn.find()) return Numerals.parse(cn.group(1)).intValue();
        }
        boolean[] named = MetricRecognizer.namedSpans(body);
        Matcher m = YEAR.matcher(body);
        while (m.find()) {
            int s = m.start();
            char before = s > 0 ? body.charAt(s - 1) : ' ';
            String after = body.substring(m.end(), Math.min(body.length(), m.end() + 2));
            if (named[s] || "〔[(（-—~至".indexOf(before) >= 0 || after.matches("年[-—~至].*")) continue;
            return Integer.valueOf(m.group(1));
        }
        return null;
    }

    /**
     * A department's name without its region, as the scheme of departments lists it:
     * 重庆市开州区发展和改革委员会 → 发展和改革委员会, 元谋县县卫生健康局 → 卫生健康局, 县司法局 → 司法局.
     */
    String departmentName(String issuer) {
        int from = 0;
        for (LabelIndex.Hit<Region> h : gazetteer.placeMentions(issuer)) {
            if (h.start() == from && RegionResolver.endsWithLevel(h.label())) from = h.end();
        }
        String rest = issuer.substring(from);
        // A zone's department (高新区综治局, 长兴岛经济区管委会办公室): its zone is its place too.
        Matcher zone = ZONE_PREFIX.matcher(rest);
        if (zone.lookingAt() && zone.end() < rest.length() - 1) rest = rest.substring(zone.end());
        // A level word left alone before the department (县卫生健康局) is its place, unless it
        // starts a word of the department's name (市场监督管理局, 市政, 区域).
        if (rest.length() >= 4 && "省市县区州盟旗".indexOf(rest.charAt(0)) >= 0 && !LEVEL_WORDS.matcher(rest).lookingAt()) {
            rest = rest.substring(1);
        }
        return rest;
    }

    /** A zone's name before a department's: 高新区, 经开区, 长兴岛经济区. */
    private static final Pattern ZONE_PREFIX = Pattern.compile("[\\p{IsHan}]{0,8}?(?:" + ZonePlaces.ZONE_KINDS + ")");

    /** Words that start with a level character and are no place: 市场, 市政, 市容, 区域, 县域, 省直. */
    private static final Pattern LEVEL_WORDS = Pattern.compile("市场|市政|市容|区域|县域|省直|市直|县直|区直");
}
