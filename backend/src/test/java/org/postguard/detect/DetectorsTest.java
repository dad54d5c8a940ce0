package org.postguard.detect;

import org.junit.jupiter.api.Test;
import org.postguard.check.SignalKind;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postguard.detect.DetectorTestSupport.found;

class DetectorsTest {
    @Test
    void ages() {
        AgeDetector d = new AgeDetector();
        assertEquals(List.of("34yo"), found(d, "saw a 34yo today"));
        assertEquals(List.of("34 y/o"), found(d, "34 y/o male"));
        assertEquals(List.of("34-year-old"), found(d, "a 34-year-old woman"));
        assertEquals(List.of("aged 34"), found(d, "man aged 34 with"));
        assertEquals(List.of("in her 80s"), found(d, "lady in her 80s"));
        assertEquals(List.of("in his late seventies"), found(d, "chap in his late seventies"));
        assertEquals(List.of("3 month old"), found(d, "a 3 month old baby"));
        assertEquals(List.of("72M"), found(d, "72M chest pain"));
    }

    @Test
    void theDoctorsOwnAgeIsNotAPatients() {
        AgeDetector d = new AgeDetector();
        assertEquals(List.of(), found(d, "I'm 34 years old and tired"));
        assertEquals(List.of(), found(d, "in my 40s now"));
    }

    @Test
    void datesAndDatesOfBirth() {
        DateDetector d = new DateDetector();
        assertEquals(List.of("12/03/1958"), found(d, "DOB 12/03/1958", SignalKind.DATE_OF_BIRTH));
        assertEquals(List.of("3rd May 1947"), found(d, "born on 3rd May 1947", SignalKind.DATE_OF_BIRTH));
        assertEquals(List.of("12/03/2025"), found(d, "clinic on 12/03/2025", SignalKind.DATE));
        assertEquals(List.of("14th February"), found(d, "on 14th February we", SignalKind.DATE));
        assertEquals(List.of(), found(d, "3 may be enough"));
    }

    @Test
    void timesOfDay() {
        TimeOfDayDetector d = new TimeOfDayDetector();
        assertEquals(List.of("3am"), found(d, "woken at 3am"));
        assertEquals(List.of("03:40"), found(d, "arrived 03:40"));
        assertEquals(List.of("at 0300"), found(d, "crash call at 0300"));
    }

    @Test
    void bedsBaysAndWards() {
        BedDetector d = new BedDetector();
        assertEquals(List.of("bay 4"), found(d, "lady in bay 4", SignalKind.BED));
        assertEquals(List.of("bed 12"), found(d, "bed 12 is septic", SignalKind.BED));
        assertEquals(List.of("side room 2"), found(d, "in side room 2", SignalKind.BED));
        assertEquals(List.of("ward 7B"), found(d, "on ward 7B", SignalKind.SETTING));
        assertEquals(List.of("Nightingale Ward"), found(d, "over on Nightingale Ward", SignalKind.SETTING));
    }

    @Test
    void postcodesPhonesEmails() {
        assertEquals(List.of("M13 9PL"), found(new PostcodeDetector(), "lives near M13 9PL"));
        assertEquals(List.of("SW1A 1AA"), found(new PostcodeDetector(), "SW1A 1AA"));
        assertEquals(List.of("07700 900123"), found(new PhoneDetector(), "ring 07700 900123"));
        assertEquals(List.of("+44 7700 900123"), found(new PhoneDetector(), "ring +44 7700 900123"));
        assertEquals(List.of("0161 496 0000"), found(new PhoneDetector(), "ward on 0161 496 0000"));
        assertEquals(List.of("jo.bloggs@example.org"), found(new EmailDetector(), "email jo.bloggs@example.org."));
    }

    @Test
    void namesAfterTitlesButNotDoctors() {
        NameDetector d = new NameDetector();
        assertEquals(List.of("Mrs Patel"), found(d, "Mrs Patel went home"));
        assertEquals(List.of("Mr B"), found(d, "Mr B in bay 2"));
        assertEquals(List.of("called Jamie"), found(d, "a lad called Jamie"));
        assertEquals(List.of(), found(d, "Dr Shah gave a great talk"));
    }

    @Test
    void patientReferencesThatNeedGrammar() {
        PatientReferenceDetector d = new PatientReferenceDetector();
        assertEquals(List.of("saw a 34yo"), found(d, "Just saw a 34yo with"));
        assertEquals(List.of("the guy in bed"), found(d, "the guy in bed 3 keeps"));
        assertEquals(List.of("admitted an elderly lady"), found(d, "admitted an elderly lady"));
        assertEquals(List.of(), found(d, "patients with asthma should"));
    }

    @Test
    void sexWords() {
        assertEquals(List.of("lady"), found(new SexDetector(), "a lady with"));
        assertTrue(found(new SexDetector(), "the manager").isEmpty());
    }
}
