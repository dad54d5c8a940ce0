package org.postguard.check;

import org.postguard.lexicon.DataFiles;

/** One checker over the bundled data for all tests: building the index takes a moment. */
public final class SharedChecker {
    private static Checker checker;
    private static Checker rulesOnly;

    private SharedChecker() {
    }

    public static synchronized Checker get() {
        if (checker == null) {
            checker = Checker.load(DataFiles.bundled());
        }
        return checker;
    }

    /** The rules without the category model: for tests of what each rule does. */
    public static synchronized Checker rulesOnly() {
        if (rulesOnly == null) {
            rulesOnly = Checker.withRulesOnly(DataFiles.bundled());
        }
        return rulesOnly;
    }
}
