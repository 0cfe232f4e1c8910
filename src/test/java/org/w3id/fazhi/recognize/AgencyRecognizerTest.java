package org.w3id.fazhi.recognize;

import org.w3id.fazhi.recognize.metadata.Region;
import org.w3id.fazhi.recognize.metadata.RegionGazetteer;

import org.w3id.fazhi.rdf.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgencyRecognizerTest {

    private static RegionGazetteer gazetteer;
    private static AgencyRecognizer recognizer;

    @BeforeAll
    static void load() {
        gazetteer = RegionGazetteer.from(Vocabularies.file("regions.ttl"));
        recognizer = new AgencyRecognizer(gazetteer);
    }

    private static List<String> found(String text, String ownCode) {
        Region own = gazetteer.byIri("https://w3id.org/fazhi/id/region/" + ownCode);
        return recognizer.recognize(TextView.of(text), own).stream()
                .map(a -> a.name() + "/" + a.kind() + "/" + (a.region() == null ? "-" : a.region().label())).toList();
    }

    @Test
    void aBareLevelWordMeansTheReportsOwnRegionOrItsSuperior() {
        assertEquals(List.of("县司法局/DEPARTMENT/南昌县", "市委/PARTY/南昌市", "省政府/GOVERNMENT/江西省"),
                found("县司法局在市委、省政府的领导下", "360121"));
    }

    @Test
    void theSameNameInAnotherReportIsAnotherAgency() {
        assertEquals(List.of("县司法局/DEPARTMENT/高台县"), found("县司法局牵头", "620724"));
    }

    @Test
    void namedPlacesAndKinds() {
        assertEquals(List.of("高台县人民政府/GOVERNMENT/高台县", "县人民法院/COURT/高台县", "县人民检察院/PROCURATORATE/高台县"),
                found("根据高台县人民政府部署,县人民法院、县人民检察院", "620724"));
    }

    @Test
    void aOneCharacterPlaceNameInOrdinaryWordsIsNotThatPlace() {
        assertEquals(List.of("县委/PARTY/高台县", "县人大常委会/CONGRESS/高台县"), found("县委和县人大常委会", "620724"));
    }
}
