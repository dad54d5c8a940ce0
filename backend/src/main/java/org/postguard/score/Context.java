package org.postguard.score;

import org.postguard.check.Signal;
import org.postguard.check.SignalKind;
import org.postguard.check.SignalKind.Group;

import java.util.Collection;

/** Questions scorers ask of a set of signals. */
final class Context {
    private Context() {
    }

    static boolean has(Collection<Signal> signals, SignalKind kind) {
        return signals.stream().anyMatch(s -> s.kind() == kind);
    }

    static boolean hasGroup(Collection<Signal> signals, Group group) {
        return signals.stream().anyMatch(s -> s.kind().group() == group);
    }

    /** A particular patient is in view: a patient reference or a numbered bed or bay. */
    static boolean patient(Collection<Signal> signals) {
        return has(signals, SignalKind.PATIENT) || has(signals, SignalKind.BED);
    }

    static boolean clinical(Collection<Signal> signals) {
        return hasGroup(signals, Group.CLINICAL);
    }

    /** The post is about clinical work: a patient, a clinical place or role, or clinical detail. */
    static boolean work(Collection<Signal> signals) {
        return patient(signals) || clinical(signals) || has(signals, SignalKind.SETTING)
                || has(signals, SignalKind.ROLE) || has(signals, SignalKind.WORKPLACE);
    }
}
