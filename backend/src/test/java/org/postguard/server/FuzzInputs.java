package org.postguard.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.postguard.check.CheckResult;
import org.postguard.check.Checker;
import org.postguard.check.Signal;
import org.postguard.check.Warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Hostile input for the check endpoint, shared by the property tests ({@link CheckFuzzTest}, part
 * of every build) and the longer time-bounded run ({@link Fuzz}, {@code scripts/fuzz}); and the
 * rules every answer must keep: never a 500 or a hang, a JSON error body that never repeats the
 * text, offsets inside the text with start before end, never splitting a surrogate pair.
 *
 * <p>Each input comes from one seed, so a failure is replayed exactly:
 * {@code new FuzzInputs(seed).body()} gives the same body again.
 */
final class FuzzInputs {
    private final SplittableRandom random;

    FuzzInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Statuses the check endpoint may answer with; anything else (a 500 above all) is a failure. */
    static final Set<Integer> ALLOWED_STATUSES = Set.of(200, 400, 413, 415, 429);

    /** Characters that break naive text handling: bidi controls, zero-width, surrogates, combining marks. */
    private static final char[] NASTY = {
            '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', // zero-width
            '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', // bidi
            '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE37', // surrogates, alone or paired by chance
            '\u0301', '\u0308', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u00A0', '\u2028', '\u2029',
            '\r', '\n', '\t', '"', '\\', '/', '<', '>', '&', '\'', '#', '@', '?', '*', '.', ',', '-', '\u2019',
            'ß', 'İ', 'ı', 'ﬁ', '\u05D0', '\u0627', '\u0915', '\u4E2D', '\u3000', 'Σ', '0', '9',
    };

    /** Words the detectors look for, so random text also reaches the scorers' combinations. */
    private static final List<String> WORDS = List.of(
            "Saw a 34yo in bay 4 today with DKA", "Mrs Patel", "DOB 12/03/1958", "NHS 943 476 5919", "bed 3", "72M",
            "in her 80s", "ward 9", "A&E", "last night", "stroke", "sepsis", "my patient", "the lady I saw",
            "SW1A 1AA", "07700 900123", "dr.jones@nhs.net", "#NOF", "?PE", "frequent flyer", "drunk on shift",
            "1 star review", "use my code DRJO20", "x-ray", "📸", "😷🚑", "👩🏽‍⚕️", "👨‍👩‍👧", "Cafe\u0301", "pnuemonia",
            "diabeties", "St Elsewhere", "yesterday", "at 3am", "aged 7", "a 92 year old", "her husband", " ", "  ", "\n",
            "Mr", "Dr", "yo", "y/o", "bay", "12/", "/1958", "NHS", "@", "#", "34", "DKA.", "(", ")");

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Any UTF-16 code units at all, lone surrogates included, mostly small. */
    private String anyUnits(int max) {
        int length = between(0, max);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 4) out.append((char) between(0x20, 0x7e));
            else if (kind < 6) out.append((char) between(0, 0xffff));
            else if (kind < 8) out.append(NASTY[random.nextInt(NASTY.length)]);
            else out.appendCodePoint(between(0x10000, 0x10ffff));
        }
        return out.toString();
    }

    /** One random piece: a word, a run of nasty characters, or any code units. */
    private String piece() {
        int kind = random.nextInt(12);
        if (kind < 5) return pick(WORDS);
        if (kind < 8) {
            StringBuilder out = new StringBuilder();
            for (int i = between(1, 6); i > 0; i--) out.append(NASTY[random.nextInt(NASTY.length)]);
            return out.toString();
        }
        if (kind < 10) return anyUnits(40);
        StringBuilder word = new StringBuilder();
        for (int i = between(1, 12); i > 0; i--) word.append((char) (chance(20) ? between('0', '9') : between('a', 'z')));
        return chance(30) ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word.toString();
    }

    private String pieces(int min, int max) {
        List<String> parts = new ArrayList<>();
        for (int i = between(min, max); i > 0; i--) parts.add(piece());
        return String.join(chance(80) ? " " : "", parts);
    }

    /** A post text of 0 to 20,000 UTF-16 code units (the limit): mostly short, some at the limit. */
    String text() {
        int kind = random.nextInt(10);
        if (kind < 6) return pieces(0, 60);
        if (kind < 8) return anyUnits(2_000);
        if (kind < 9) return fill(pieces(1, 8), between(1, Checker.MAX_TEXT_LENGTH));
        return fill(pieces(1, 8), Checker.MAX_TEXT_LENGTH);
    }

    private static String fill(String seed, int length) {
        if (seed.isEmpty()) {
            seed = "x";
        }
        StringBuilder out = new StringBuilder(length + seed.length());
        while (out.length() < length) {
            out.append(seed).append(' ');
        }
        out.setLength(length);
        return out.toString();
    }

    /** A request body: good checks, wrong types, malformed and deeply nested JSON, plain garbage. */
    String body() {
        int kind = random.nextInt(21);
        if (kind < 8) return goodBody();
        if (kind < 11) return asciiEscapedBody(text()); // \\uD800 escapes: lone surrogates over the wire
        if (kind < 14) {
            String key = pick(List.of("text", "platform", "personalTerms", "other"));
            return "{\"" + key + "\": " + pick(JSON_VALUES) + (key.equals("text") ? "" : ", \"text\": \"a\"") + "}";
        }
        if (kind < 16) {
            int depth = chance(50) ? between(1, 100) : between(100, 100_000);
            boolean array = chance(50);
            String open = array ? "[" : "{\"a\":";
            String close = array ? "]" : "}";
            return "{\"text\": \"Saw a 34yo\", \"x\": " + open.repeat(depth) + "1" + (chance(70) ? close.repeat(depth) : "") + "}";
        }
        if (kind < 18) {
            String good = goodBody();
            return good.substring(0, between(0, good.length() - 1));
        }
        if (kind < 20) return anyUnits(500);
        JsonObject second = new JsonObject();
        second.addProperty("text", text());
        return "{\"text\": 1, " + second.toString().substring(1);
    }

    private String goodBody() {
        JsonObject json = new JsonObject();
        json.addProperty("text", text());
        int platform = random.nextInt(7);
        if (platform < 3) json.addProperty("platform", pick(List.of("x", "facebook", "mastodon", "generic")));
        else if (platform < 4) json.addProperty("platform", anyUnits(60));
        if (chance(30)) {
            JsonArray terms = new JsonArray();
            for (int i = chance(90) ? between(0, 5) : between(190, 210); i > 0; i--) {
                terms.add(chance(75) ? pick(List.of("St Elsewhere", "Ward 7", "Dr Khan", "bay", "", "A&E")) : anyUnits(120));
            }
            json.add("personalTerms", terms);
        }
        return json.toString();
    }

    private static final List<String> JSON_VALUES = List.of("42", "-0.0", "1e999", "true", "null", "[]", "[\"a\", 1]", "{}",
            "{\"text\": \"a\"}", "\"\"", "\"\\ud800\"", "\"\\u0000\"", "[[[[[[[]]]]]]]", "\"a\" \"b\"", "01", "NaN",
            "'single'", "\"\\x41\"", "[\"St Elsewhere\", 3]", "\"UPPER\"", "\"x\".repeat(100)");

    /** A check body with every non-ASCII code unit written as a \\uXXXX escape (lone surrogates included). */
    static String asciiEscapedBody(String text) {
        StringBuilder out = new StringBuilder("{\"text\": \"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append("\"}").toString();
    }

    // --- the rules ----------------------------------------------------------------------------

    /** Problems with one HTTP answer to {@code body}; empty when it keeps every rule. */
    static List<String> problems(String body, int status, String contentType, String answer) {
        List<String> problems = new ArrayList<>();
        if (!ALLOWED_STATUSES.contains(status)) {
            problems.add("status " + status);
        }
        if (contentType == null || !contentType.startsWith("application/json")) {
            problems.add("content type " + contentType);
        }
        JsonObject json;
        try {
            json = JsonParser.parseString(answer).getAsJsonObject();
        } catch (RuntimeException e) {
            problems.add("answer is not a JSON object: " + shorten(answer));
            return problems;
        }
        String text = submittedText(body);
        if (status != 200) {
            if (!json.has("error") || !json.has("detail")) {
                problems.add("error without error/detail: " + shorten(answer));
            } else if (text != null && text.strip().length() >= 12 && json.get("detail").getAsString().contains(text.strip())) {
                problems.add("the error detail repeats the text");
            }
            return problems;
        }
        if (text == null) {
            problems.add("200 for a body without a string text");
            return problems;
        }
        for (JsonElement w : json.getAsJsonArray("warnings")) {
            JsonObject warning = w.getAsJsonObject();
            spanProblems("warning", text, warning.get("start").getAsInt(), warning.get("end").getAsInt(), problems);
            for (JsonElement s : warning.getAsJsonArray("signals")) {
                JsonObject signal = s.getAsJsonObject();
                spanProblems("signal " + signal.get("kind").getAsString(), text, signal.get("start").getAsInt(),
                        signal.get("end").getAsInt(), problems);
            }
        }
        return problems;
    }

    /** Problems with a result of the checker called in process. */
    static List<String> problems(String text, CheckResult result) {
        List<String> problems = new ArrayList<>();
        for (Warning w : result.warnings()) {
            spanProblems("warning " + w.rule(), text, w.start(), w.end(), problems);
            if (w.signals().isEmpty()) problems.add("warning " + w.rule() + " has no signal");
            for (Signal s : w.signals()) {
                spanProblems("signal " + s.kind().id(), text, s.start(), s.end(), problems);
            }
        }
        return problems;
    }

    static void spanProblems(String what, String text, int start, int end, List<String> problems) {
        if (start < 0 || end > text.length() || start >= end) {
            problems.add(what + " span " + start + "-" + end + " is not inside a text of length " + text.length());
            return;
        }
        if (splitsPair(text, start) || splitsPair(text, end)) {
            problems.add(what + " span " + start + "-" + end + " splits a surrogate pair");
        }
    }

    private static boolean splitsPair(String text, int offset) {
        return offset > 0 && offset < text.length()
                && Character.isHighSurrogate(text.charAt(offset - 1)) && Character.isLowSurrogate(text.charAt(offset));
    }

    /** The text the server would check, when the body is a strict JSON object with a string text. */
    static String submittedText(String body) {
        try {
            JsonElement root = JsonParser.parseString(body);
            JsonElement text = root.isJsonObject() ? root.getAsJsonObject().get("text") : null;
            return text != null && text.isJsonPrimitive() && text.getAsJsonPrimitive().isString() ? text.getAsString() : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** Printable, short: for failure reports (random fuzz input, never a user's text). */
    static String shorten(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 300; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) out.append(c);
            else out.append(String.format("\\u%04x", (int) c));
        }
        return s.length() > 300 ? out + "... (" + s.length() + " chars)" : out.toString();
    }
}
