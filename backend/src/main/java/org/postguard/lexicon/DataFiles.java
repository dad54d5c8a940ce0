package org.postguard.lexicon;

import org.postguard.check.Category;
import org.postguard.check.Severity;
import org.postguard.check.SignalKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads PostGuard's data files (see {@code postguard/README.md}) from the classpath, or from a
 * folder laid out the same way so an adviser can try changes without rebuilding.
 * Every problem found is reported with its file and line; {@link #problems()} lists them.
 */
public final class DataFiles {
    /** Vocabulary files and the signal each one's terms give. */
    public static final Map<String, SignalKind> VOCABULARY = orderedMap(
            "vocabulary/conditions.txt", SignalKind.CONDITION,
            "vocabulary/symptoms.txt", SignalKind.SYMPTOM,
            "vocabulary/procedures.txt", SignalKind.PROCEDURE,
            "vocabulary/investigations.txt", SignalKind.INVESTIGATION,
            "vocabulary/drugs.txt", SignalKind.DRUG,
            "vocabulary/anatomy.txt", SignalKind.ANATOMY,
            "vocabulary/settings.txt", SignalKind.SETTING,
            "vocabulary/roles.txt", SignalKind.ROLE);

    /** Signal phrase lists: words that are not risky alone but tell the scorer something. */
    public static final Map<String, SignalKind> SIGNALS = orderedMap(
            "signals/patient-reference.txt", SignalKind.PATIENT,
            "signals/time-anchor.txt", SignalKind.TIME_ANCHOR,
            "signals/uk-places.txt", SignalKind.PLACE_NAME,
            "signals/occupations.txt", SignalKind.OCCUPATION,
            "signals/acquaintance.txt", SignalKind.ACQUAINTANCE,
            "signals/declared-interest.txt", SignalKind.INTEREST_DECLARED,
            "signals/declared-consent.txt", SignalKind.CONSENT_DECLARED,
            "signals/claimed-anonymity.txt", SignalKind.ANONYMITY_CLAIMED);

    private static final Pattern VARIANT_SEPARATOR = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern RULE_HEADER = Pattern.compile("\\[([a-z0-9]+(?:-[a-z0-9]+)*)]");
    private static final Pattern SETTING = Pattern.compile("(severity|message|needs|unless|near|within|despite)\\s*=\\s*(.*)");
    /** {@code @name} in a rule stands for every line of {@code lists/name.txt}. */
    private static final Pattern LIST_REFERENCE = Pattern.compile("@([a-z0-9]+(?:-[a-z0-9]+)*)");
    /** {@code <patient>} in a rule's near list stands for a signal of that kind; {@code <clinical>} for any clinical term. */
    private static final Pattern SIGNAL_REFERENCE = Pattern.compile("<([a-z]+(?:-[a-z]+)*)>");

    private final Path folder;
    private final List<String> problems = new ArrayList<>();
    private final java.security.MessageDigest digest = sha256();

    private DataFiles(Path folder) {
        this.folder = folder;
    }

    /** The data shipped inside PostGuard. */
    public static DataFiles bundled() {
        return new DataFiles(null);
    }

    /** Data from a folder with the same layout as {@code backend/src/main/resources/postguard}. */
    public static DataFiles in(Path folder) {
        return new DataFiles(folder);
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SHA-256 of every list line read so far by {@link #entries()}: names the data a prebuilt index was made from. */
    public String fingerprint() {
        try {
            return java.util.HexFormat.of().formatHex(((java.security.MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Problems found while reading so far, each naming file and line. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Every entry of every vocabulary, signal and phrase file. */
    public List<LexiconEntry> entries() {
        List<LexiconEntry> entries = new ArrayList<>();
        VOCABULARY.forEach((file, kind) -> entries.addAll(readList(file, kind)));
        SIGNALS.forEach((file, kind) -> entries.addAll(readList(file, kind)));
        for (Category category : Category.values()) {
            entries.addAll(readPhrases(category));
        }
        return entries;
    }

    /** A vocabulary or signal file: one concept a line, variants separated by {@code |}. */
    public List<LexiconEntry> readList(String file, SignalKind kind) {
        List<LexiconEntry> entries = new ArrayList<>();
        List<String> lines = fingerprinted(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            for (String variant : VARIANT_SEPARATOR.split(line, -1)) {
                if (variant.isEmpty()) {
                    problems.add(file + ":" + (i + 1) + ": empty variant");
                } else {
                    entries.add(LexiconEntry.of(variant, kind, null, file + ":" + (i + 1)));
                }
            }
        }
        return entries;
    }

    /** A {@code phrases/<category>.txt} file of rule blocks. */
    public List<LexiconEntry> readPhrases(Category category) {
        String file = "phrases/" + category.id() + ".txt";
        List<String> lines = fingerprinted(file);
        List<RuleBuilder> rules = new ArrayList<>();
        RuleBuilder rule = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var header = RULE_HEADER.matcher(line);
            var setting = SETTING.matcher(line);
            if (header.matches()) {
                rule = new RuleBuilder(header.group(1), category, where);
                rules.add(rule);
            } else if (rule == null) {
                problems.add(where + ": phrase before any [rule-id] header");
            } else if (setting.matches()) {
                rule.set(setting.group(1), setting.group(2).strip(), where, this);
            } else if (line.contains("=")) {
                problems.add(where + ": unknown setting (use severity, message, needs, unless, near, within or despite): " + line);
            } else {
                addVariants(line, where, rule.phrases);
            }
        }
        List<LexiconEntry> entries = new ArrayList<>();
        for (RuleBuilder built : rules) {
            entries.addAll(built.entries(problems));
        }
        return entries;
    }

    /**
     * Adds each {@code |}-separated variant of a rule line, expanding {@code @list} references into
     * the lines of {@code lists/<list>.txt} (each keeps its own file and line for {@code --explain}).
     */
    private void addVariants(String line, String where, List<Map.Entry<String, String>> into) {
        for (String variant : VARIANT_SEPARATOR.split(line, -1)) {
            var reference = LIST_REFERENCE.matcher(variant);
            if (variant.isEmpty()) {
                problems.add(where + ": empty variant");
            } else if (reference.matches()) {
                List<Map.Entry<String, String>> listed = list(reference.group(1), where);
                into.addAll(listed);
            } else if (variant.startsWith("@")) {
                problems.add(where + ": '" + variant + "' is not a list name (lowercase words joined by hyphens)");
            } else {
                into.add(Map.entry(variant, where));
            }
        }
    }

    private final Map<String, List<Map.Entry<String, String>>> lists = new java.util.HashMap<>();

    /** The phrases of {@code lists/<name>.txt}, read once. */
    private List<Map.Entry<String, String>> list(String name, String usedAt) {
        String file = "lists/" + name + ".txt";
        List<Map.Entry<String, String>> cached = lists.get(name);
        if (cached != null) {
            return cached;
        }
        List<String> lines = fingerprinted(file);
        if (lines.isEmpty()) {
            problems.add(usedAt + ": no list " + file);
        }
        List<Map.Entry<String, String>> phrases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            for (String variant : VARIANT_SEPARATOR.split(line, -1)) {
                if (variant.isEmpty()) {
                    problems.add(where + ": empty variant");
                } else if (variant.startsWith("@")) {
                    problems.add(where + ": a list cannot include another list (" + variant + ")");
                } else {
                    phrases.add(Map.entry(variant, where));
                }
            }
        }
        lists.put(name, List.copyOf(phrases));
        return lists.get(name);
    }

    /** The names of the shared lists read so far ({@code lists/<name>.txt}). */
    public java.util.Set<String> listNames() {
        return java.util.Set.copyOf(lists.keySet());
    }

    private List<String> fingerprinted(String file) {
        List<String> lines = lines(file);
        digest.update((file + "\n").getBytes(StandardCharsets.UTF_8));
        for (String line : lines) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    private List<String> lines(String file) {
        try {
            if (folder != null) {
                Path path = folder.resolve(file);
                if (!Files.isRegularFile(path)) {
                    problems.add(file + ": missing");
                    return List.of();
                }
                return Files.readAllLines(path, StandardCharsets.UTF_8);
            }
            try (InputStream in = DataFiles.class.getResourceAsStream("/postguard/" + file)) {
                if (in == null) {
                    problems.add(file + ": missing");
                    return List.of();
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + file, e);
        }
    }

    /** Reads one data file's text, for files that are not word lists (guidance, organisation). */
    public Optional<String> text(String file) {
        List<String> lines = lines(file);
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    private static Map<String, SignalKind> orderedMap(Object... pairs) {
        Map<String, SignalKind> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (SignalKind) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Collects one rule block while its file is read. */
    private static final class RuleBuilder {
        final String id;
        final Category category;
        final String where;
        Severity severity;
        String message;
        final java.util.Set<PhraseRule.Needs> needs = java.util.EnumSet.noneOf(PhraseRule.Needs.class);
        final List<Map.Entry<String, String>> phrases = new ArrayList<>();
        final List<Map.Entry<String, String>> unless = new ArrayList<>();
        final List<Map.Entry<String, String>> near = new ArrayList<>();
        final java.util.Set<SignalKind> nearSignals = java.util.EnumSet.noneOf(SignalKind.class);
        Integer within;
        boolean despiteDeclaration;

        RuleBuilder(String id, Category category, String where) {
            this.id = id;
            this.category = category;
            this.where = where;
        }

        void set(String key, String value, String at, DataFiles files) {
            List<String> problems = files.problems;
            switch (key) {
                case "severity" -> severity = Severity.fromId(value).orElseGet(() -> {
                    problems.add(at + ": severity must be low, medium or high, not '" + value + "'");
                    return null;
                });
                case "message" -> message = value;
                case "unless" -> files.addVariants(value, at, unless);
                case "near" -> {
                    List<String> phrases = new ArrayList<>();
                    for (String variant : VARIANT_SEPARATOR.split(value, -1)) {
                        var signal = SIGNAL_REFERENCE.matcher(variant);
                        if (!signal.matches()) {
                            phrases.add(variant);
                        } else if (!addSignals(signal.group(1))) {
                            problems.add(at + ": <" + signal.group(1) + "> is not a signal kind (patient, age, bed, place, time, clinical...)");
                        }
                    }
                    if (!phrases.isEmpty()) {
                        files.addVariants(String.join(" | ", phrases), at, near);
                    }
                }
                case "within" -> {
                    try {
                        within = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        within = -1;
                    }
                    if (within < 1 || within > PhraseRule.MAX_WITHIN) {
                        problems.add(at + ": within must be a number of words from 1 to " + PhraseRule.MAX_WITHIN + ", not '" + value + "'");
                        within = null;
                    }
                }
                case "despite" -> {
                    if (value.equals("declaration")) {
                        despiteDeclaration = true;
                    } else {
                        problems.add(at + ": despite takes only 'declaration' (the rule warns even when the post declares"
                                + " an interest or consent), not '" + value + "'");
                    }
                }
                case "needs" -> {
                    for (String need : value.split("\\s*,\\s*")) {
                        PhraseRule.Needs.fromId(need).ifPresentOrElse(needs::add, () -> problems.add(at
                                + ": needs takes patient, work, clinical, person, time, place or you, not '" + need + "'"));
                    }
                }
                default -> throw new IllegalStateException(key);
            }
        }

        /** A signal kind by its API id, or a group of them: clinical, place, time, hard (identifiers). */
        private boolean addSignals(String name) {
            for (SignalKind.Group group : SignalKind.Group.values()) {
                if (group.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
                    for (SignalKind kind : SignalKind.values()) {
                        if (kind.group() == group) {
                            nearSignals.add(kind);
                        }
                    }
                    return true;
                }
            }
            for (SignalKind kind : SignalKind.values()) {
                if (kind.id().equals(name) && kind.group() != SignalKind.Group.PHRASE) {
                    nearSignals.add(kind);
                    return true;
                }
            }
            return false;
        }

        List<LexiconEntry> entries(List<String> problems) {
            if (severity == null) {
                problems.add(where + ": rule [" + id + "] has no valid severity");
            }
            if (message == null || message.isBlank()) {
                problems.add(where + ": rule [" + id + "] has no message");
            }
            if (phrases.isEmpty()) {
                problems.add(where + ": rule [" + id + "] has no phrases");
            }
            if (within != null && near.isEmpty() && nearSignals.isEmpty()) {
                problems.add(where + ": rule [" + id + "] sets within but has no near phrases");
            }
            if (severity == null || message == null) {
                return List.of();
            }
            int window = near.isEmpty() && nearSignals.isEmpty() ? 0 : within == null ? PhraseRule.DEFAULT_WITHIN : within;
            PhraseRule rule = new PhraseRule(id, category, severity, message, needs, window, nearSignals, despiteDeclaration, where);
            List<LexiconEntry> entries = new ArrayList<>();
            phrases.forEach(p -> entries.add(LexiconEntry.of(p.getKey(), SignalKind.PHRASE, rule, p.getValue())));
            unless.forEach(p -> entries.add(LexiconEntry.of(p.getKey(), SignalKind.UNLESS, rule, p.getValue())));
            near.forEach(p -> entries.add(LexiconEntry.of(p.getKey(), SignalKind.NEAR, rule, p.getValue())));
            return entries;
        }
    }
}
