package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Pattern;

/**
 * References to one particular patient that need grammar rather than a word list: a clinical
 * verb followed by a person ("saw a 34yo", "admitted a lady", "clerked this chap") or a person
 * placed in a bed or area ("the guy in bed 3", "lady in bay 2", "man in resus").
 * Fixed phrases ("my patient", "pt") come from {@code signals/patient-reference.txt}.
 */
public final class PatientReferenceDetector extends RegexDetector {
    private static final String PERSON = "(?:\\d{1,3}\\s?(?:yo|y/o|year[- ]old|yr[- ]old)|\\d{1,3}[MF]|lady|gentleman|gent|man|woman"
            + "|guy|chap|lad|lass|girl|boy|bloke|fella|kid|child|baby|patient|pt|toddler|teenager|teen|mum|dad|grandad"
            + "|gran|nan|student|footballer|teacher|celebrity|pensioner|dude)";
    private static final Pattern VERB_PERSON = Pattern.compile(
            "(?i)\\b(?:saw|seen|seeing|had|have|admitted|admitting|clerked|clerking|treated|treating|reviewed|reviewing|assessed"
                    + "|intubated|tubed|resuscitated|discharged|examined|operated on|sutured|stitched up|triaged|scanned|referred"
                    + "|met|looked after|cared for|delivered|sectioned|cannulated|catheterised|certified|pronounced|told)"
                    + "\\s+(?:a|an|this|the|one|another|my|our|that)\\s+(?:(?:young|old|elderly|lovely|poor|little|frail|sweet|older|middle-aged|teenage)\\s+)?"
                    + PERSON + "\\b");
    private static final Pattern PERSON_PLACED = Pattern.compile(
            "(?i)\\b(?:the|this|that|our|my)\\s+(?:(?:young|old|elderly|lovely|poor|little|frail|sweet|older)\\s+)?" + PERSON
                    + "\\s+(?:in|on|from|at)\\s+(?:the\\s+)?(?:bed|bay|cubicle|cubi|resus|majors|minors|side\\s?room|room|ward|corridor|trolley|chair|cardiac|paeds|triage|recovery|theatre|ambulance)\\b");

    /** "a window cleaner I saw yesterday", "the lady we resuscitated": someone the doctor treated. */
    private static final Pattern PERSON_I_TREATED = Pattern.compile(
            "(?i)\\b(?:a|an|the|this|that|one)\\s+(?:[a-z'-]+\\s+){1,3}(?:I|we|I'd|I've|we'd|I'm|we're|I am|we are)\\s+"
                    + "(?:just\\s+|had\\s+|been\\s+)?(?:saw|seen|treated|treating|clerked|admitted|resuscitated|intubated|discharged"
                    + "|delivered|operated on|looked after|looking after|cared for|caring for|sutured|sectioned|cannulated|certified)\\b");
    /** "a patient's back", "the lady's x-ray", "my patient's husband": one person's body or life. */
    private static final Pattern POSSESSIVE = Pattern.compile(
            "(?i)\\b(?:a|the|this|that|my|our)\\s+(?:[a-z-]+\\s+)?(?:patient|pt|lady|gentleman|gent|man|woman|guy|girl|boy|chap|lad"
                    + "|kid|child|baby|toddler|teenager)['’]s\\b");
    /** "our 'VIP' patient", "my favourite patient", "patient I discharged": not "the patient" of teaching. */
    private static final Pattern OWNED_PATIENT = Pattern.compile(
            "(?i)\\b(?:(?:my|our|this|that)\\s+(?:[\\w\"'“”‘’-]+\\s+){0,2}(?:patient|pt)\\b(?!s)"
                    + "|(?:patient|pt)\\s+(?:I|we)\\s+(?:just\\s+|had\\s+)?(?:saw|seen|treated|clerked|admitted|discharged|delivered"
                    + "|looked after|operated on|reviewed|sutured)\\b)");
    /** Things one also "saw" or "delivered": a film I saw is not a patient. */
    private static final Pattern NOT_A_PERSON = Pattern.compile(
            "(?i)\\b(?:film|movie|post|tweet|video|paper|article|book|show|play|talk|lecture|documentary|thread|meme|episode"
                    + "|advert|study|series|presentation|poster|podcast|course|teaching|session|case report|baby shower|speech"
                    + "|parcel|package|pizza|report|letter|email|message|sign|photo|picture|programme|program)s?\\b");
    /** "a young mum came in with", "this little one was brought into", "a man came into my surgery". */
    private static final Pattern PERSON_ARRIVED = Pattern.compile(
            "(?i)\\b(?:a|an|the|this|that|one|my|our)\\s+(?:[a-z'-]+\\s+){0,2}" + "(?:one|" + PERSON.substring(3) + "\\s+"
                    + "(?:who\\s+)?(?:came|comes|come|turned|rocked|rolled|walked|wandered|was\\s+brought|got\\s+brought|was\\s+blue-?lighted"
                    + "|was\\s+admitted|got\\s+admitted|presented|attended|self-presented)\\b");

    private static final java.util.Set<String> VERBS = words("saw", "seen", "seeing", "had", "have", "admitted", "admitting",
            "clerked", "clerking", "treated", "treating", "reviewed", "reviewing", "assessed", "intubated", "tubed", "resuscitated",
            "discharged", "examined", "operated", "sutured", "stitched", "triaged", "scanned", "referred", "met", "looked",
            "cared", "delivered", "sectioned", "cannulated", "catheterised", "certified", "pronounced", "told", "looking", "caring");
    private static final java.util.Set<String> PLACES = words("bed", "bay", "cubicle", "cubi", "resus", "majors", "minors", "side",
            "sideroom", "room", "ward", "corridor", "trolley", "chair", "cardiac", "paeds", "triage", "recovery", "theatre", "ambulance");
    private static final java.util.Set<String> FIRST_PERSON = words("i", "we", "i'm", "we're", "i'd", "i've", "we'd", "im", "i’m");
    private static final java.util.Set<String> ARRIVALS = words("came", "comes", "come", "turned", "rocked", "rolled", "walked",
            "wandered", "brought", "blue-lighted", "bluelighted", "blue", "admitted", "presented", "attended", "self");
    private static final java.util.Set<String> PATIENT_WORDS = words("patient", "pt");

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        if (pattern == VERB_PERSON) {
            return post.hasAnyWord(VERBS);
        } else if (pattern == PERSON_PLACED) {
            return post.hasAnyWord(PLACES);
        } else if (pattern == PERSON_I_TREATED) {
            return post.hasAnyWord(FIRST_PERSON) && post.hasAnyWord(VERBS);
        } else if (pattern == PERSON_ARRIVED) {
            return post.hasAnyWord(ARRIVALS);
        } else if (pattern == OWNED_PATIENT || pattern == NOTES_STYLE) {
            return post.hasAnyWord(PATIENT_WORDS);
        } else if (pattern == I_TREATED_SOMEONE) {
            return post.hasAnyWord(FIRST_PERSON) && post.hasAnyWord(VERBS);
        }
        return post.text().indexOf('\'') >= 0 || post.text().indexOf('’') >= 0;
    }

    /** A sentence that starts "Patient in resus tonight...", "Pt today...": notes-style, about one person. */
    private static final Pattern NOTES_STYLE = Pattern.compile(
            "(?<=(?:^|[.!?\\n])\\s{0,3})(?:Patient|patient|Pt|pt)\\b(?!s|\\s+(?:safety|experience|care|education|information|leaflets?|groups?"
                    + "|records|notes|voice|feedback|choice|flow|outcomes?|centred|centered|satisfaction|transport|access|list|lists)\\b)");
    /** "I looked after Tom", "we resuscitated a": the doctor's own encounter with someone. */
    private static final Pattern I_TREATED_SOMEONE = Pattern.compile(
            "\\b(?:I|we|We)\\s+(?:had\\s+|have\\s+|just\\s+)?(?:looked after|cared for|treated|resuscitated|intubated|clerked|admitted"
                    + "|discharged|delivered|operated on|sectioned)\\s+(?:[A-Z][a-z]+|a|an|this|one|another)\\b");

    public PatientReferenceDetector() {
        super(SignalKind.PATIENT, VERB_PERSON, PERSON_PLACED, PERSON_I_TREATED, PERSON_ARRIVED, POSSESSIVE, OWNED_PATIENT,
                NOTES_STYLE, I_TREATED_SOMEONE);
    }

    @Override
    SignalKind classify(String text, java.util.regex.Matcher match) {
        if (match.group().isBlank()) {
            return null;
        }
        return match.pattern() == PERSON_I_TREATED && NOT_A_PERSON.matcher(match.group()).find() ? null : SignalKind.PATIENT;
    }
}
