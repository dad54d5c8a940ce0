package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.EnumSet;
import java.util.List;

/** The one place detectors are registered. Add a detector here and it runs on every check. */
public final class Detectors {
    private Detectors() {
    }

    public static List<Detector> standard() {
        return List.of(
                new NhsNumberDetector(),
                new DateDetector(),
                new AgeDetector(),
                new SexDetector(),
                new TimeOfDayDetector(),
                new BedDetector(),
                new PostcodeDetector(),
                new PhoneDetector(),
                new EmailDetector(),
                new NameDetector(),
                new PatientReferenceDetector(),
                new WorkplaceDetector(),
                new LexiconDetector("patient references", EnumSet.of(SignalKind.PATIENT)),
                new LexiconDetector("time anchors", EnumSet.of(SignalKind.TIME_ANCHOR)),
                new LexiconDetector("towns and hospitals", EnumSet.of(SignalKind.PLACE_NAME)),
                new LexiconDetector("jobs and people you know", EnumSet.of(SignalKind.OCCUPATION, SignalKind.ACQUAINTANCE)),
                new LexiconDetector("clinical vocabulary", EnumSet.of(SignalKind.CONDITION, SignalKind.SYMPTOM,
                        SignalKind.PROCEDURE, SignalKind.INVESTIGATION, SignalKind.DRUG, SignalKind.ANATOMY,
                        SignalKind.SETTING, SignalKind.ROLE)),
                new LexiconDetector("declarations", EnumSet.of(SignalKind.INTEREST_DECLARED, SignalKind.CONSENT_DECLARED, SignalKind.ANONYMITY_CLAIMED)));
    }
}
