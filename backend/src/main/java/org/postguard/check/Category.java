package org.postguard.check;

import java.util.Arrays;
import java.util.Optional;

/** The seven kinds of professional risk PostGuard warns about; {@link #id()} is the stable API id. */
public enum Category {
    CONFIDENTIALITY("confidentiality"),
    PATIENT_IMAGES("patient-images"),
    BOUNDARIES("boundaries"),
    RESPECT("respect"),
    CONFLICT_OF_INTEREST("conflict-of-interest"),
    COMPLAINT_RESPONSE("complaint-response"),
    PROFESSIONALISM("professionalism");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
