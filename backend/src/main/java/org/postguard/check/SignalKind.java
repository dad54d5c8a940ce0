package org.postguard.check;

import java.util.Locale;

/**
 * What a span of text tells about a post. Each kind belongs to a {@link Group}; the confidentiality
 * score counts distinct groups, so three drug names are one piece of clinical detail, not three.
 */
public enum SignalKind {
    PATIENT(Group.PATIENT, "patient reference"),
    BED(Group.PLACE, "bed or bay"),
    AGE(Group.AGE, "age"),
    SEX(Group.SEX, "sex"),
    CONDITION(Group.CLINICAL, "condition"),
    SYMPTOM(Group.CLINICAL, "symptom"),
    PROCEDURE(Group.CLINICAL, "procedure"),
    INVESTIGATION(Group.CLINICAL, "investigation"),
    DRUG(Group.CLINICAL, "drug"),
    ANATOMY(Group.CONTEXT, "anatomy"),
    SETTING(Group.PLACE, "place"),
    WORKPLACE(Group.PLACE, "your workplace"),
    PLACE_NAME(Group.PLACE, "town or hospital"),
    /** A job or public role outside healthcare: "the harbourmaster", "a retired postman", "our MP". */
    OCCUPATION(Group.IDENTITY, "job"),
    /** Someone the doctor knows or readers might: "my neighbour", "a colleague's mum", "small world". */
    ACQUAINTANCE(Group.IDENTITY, "someone known to you"),
    ROLE(Group.CONTEXT, "clinical role"),
    TIME_ANCHOR(Group.TIME, "time"),
    DATE(Group.TIME, "date"),
    TIME(Group.TIME, "time of day"),
    DATE_OF_BIRTH(Group.HARD, "date of birth"),
    NHS_NUMBER(Group.HARD, "NHS number"),
    NAME(Group.HARD, "name"),
    POSTCODE(Group.HARD, "postcode"),
    PHONE(Group.HARD, "phone number"),
    EMAIL(Group.HARD, "email address"),
    INTEREST_DECLARED(Group.DECLARATION, "declared interest"),
    CONSENT_DECLARED(Group.DECLARATION, "stated consent"),
    /**
     * The poster's own word that a case is anonymised ("anonymised obviously", "details changed"):
     * weighed by the category model like any other signal, but unlike stated consent it silences
     * nothing, since a post called anonymised can still identify its patient by what it says.
     */
    ANONYMITY_CLAIMED(Group.DECLARATION, "claimed anonymity"),
    PHRASE(Group.PHRASE, "risky phrase"),
    /** A phrase that silences a rule: "frequent flyer" is not slang in a post about air miles. */
    UNLESS(Group.PHRASE, "exception"),
    /** The second half of a combination rule: "CT" near "attached", "% off" near "code". */
    NEAR(Group.PHRASE, "risky phrase"),
    /** Words the category model weighs heavily, underlined when the model warns without a rule. */
    CUE(Group.PHRASE, "telling words");

    /** Families of signals; the confidentiality score counts distinct groups. */
    public enum Group { PATIENT, AGE, SEX, CLINICAL, PLACE, TIME, IDENTITY, HARD, CONTEXT, DECLARATION, PHRASE }

    private final Group group;
    private final String label;

    SignalKind(Group group, String label) {
        this.group = group;
        this.label = label;
    }

    public Group group() {
        return group;
    }

    /** Plain words for messages, e.g. "date of birth". */
    public String label() {
        return label;
    }

    /** The API id, e.g. {@code date-of-birth}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isClinical() {
        return group == Group.CLINICAL;
    }
}
