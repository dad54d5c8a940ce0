package org.postguard.lexicon;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.postguard.check.Category;
import org.postguard.check.SignalKind;
import org.postguard.guidance.GuidanceCatalogue;
import org.postguard.guidance.Organisation;
import org.postguard.text.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validates the data files a medico-legal adviser edits: every problem is reported with file and line. */
class DataFilesTest {
    private final DataFiles data = DataFiles.bundled();
    private final List<LexiconEntry> entries = data.entries();

    @Test
    void filesParseWithoutProblems() {
        assertEquals(List.of(), data.problems());
    }

    @Test
    void everyEntryAnalysesToAtLeastOneWord() {
        List<String> empty = entries.stream().filter(e -> Tokens.key(e.text()).isEmpty())
                .map(e -> e.source() + ": '" + e.text() + "' has no words PostGuard can match").toList();
        assertEquals(List.of(), empty);
    }

    @Test
    void noEntryIsListedTwiceInAFileOrRule() {
        List<String> duplicates = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (LexiconEntry e : entries) {
            if (e.kind() == SignalKind.UNLESS) {
                continue; // one exception may serve several rules
            }
            String file = e.source().substring(0, e.source().lastIndexOf(':'));
            // A phrase may serve two rules with different needs (a cue word in two cue rules), not one rule twice.
            String scope = e.rule() == null ? file : file + "#" + e.rule().id() + "#" + e.kind();
            String key = scope + "\u0000" + e.text().toLowerCase(Locale.ROOT);
            String first = seen.putIfAbsent(key, e.source());
            if (first != null) {
                duplicates.add(e.source() + ": '" + e.text() + "' repeats " + first);
            }
        }
        assertEquals(List.of(), duplicates);
    }

    @Test
    void noVocabularyTermIsInTwoVocabularyFiles() {
        List<String> duplicates = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (LexiconEntry e : entries) {
            if (!DataFiles.VOCABULARY.containsValue(e.kind())) {
                continue;
            }
            String first = seen.putIfAbsent(e.text().toLowerCase(Locale.ROOT), e.source());
            if (first != null && !first.startsWith(e.source().substring(0, e.source().lastIndexOf(':')))) {
                duplicates.add(e.source() + ": '" + e.text() + "' is also in " + first);
            }
        }
        assertEquals(List.of(), duplicates);
    }

    @Test
    void ruleIdsAreUniqueAcrossPhraseFilesAndEveryCategoryHasRules() {
        Map<String, PhraseRule> rules = new HashMap<>();
        Set<Category> covered = new HashSet<>();
        List<String> clashes = new ArrayList<>();
        for (LexiconEntry e : entries) {
            if (e.rule() != null) {
                PhraseRule before = rules.putIfAbsent(e.rule().id(), e.rule());
                if (before != null && !before.source().equals(e.rule().source())) {
                    clashes.add(e.rule().source() + ": rule id [" + e.rule().id() + "] is also at " + before.source());
                }
                covered.add(e.rule().category());
            }
        }
        assertEquals(List.of(), clashes);
        assertEquals(Set.of(Category.values()), covered);
    }

    @Test
    void listsAreAsLargeAsPromised() {
        long phrases = entries.stream().filter(e -> e.kind() == SignalKind.PHRASE).count();
        long vocabulary = entries.stream().filter(e -> DataFiles.VOCABULARY.containsValue(e.kind())).count();
        assertTrue(phrases >= 1500, "phrases: " + phrases);
        assertTrue(vocabulary >= 25_000, "vocabulary terms: " + vocabulary);
        for (SignalKind kind : DataFiles.SIGNALS.values()) {
            assertTrue(entries.stream().anyMatch(e -> e.kind() == kind), "no entries for " + kind);
        }
    }

    @Test
    void anOrganisationNameWithQuotesAndBackslashesIsFilledInAsWritten() {
        // The name used to be pasted into the JSON text unescaped: a quote broke guidance.json at start-up.
        String name = "The \"Best\" Defence \\ Union <b>";
        Organisation organisation = Organisation.parse("name=" + name.replace("\\", "\\\\") + "\nadviceUrl=https://example.org/a\"b");
        assertEquals(name, organisation.name());
        GuidanceCatalogue catalogue = GuidanceCatalogue.parse(data.text("guidance.json").orElseThrow(), organisation);
        assertTrue(catalogue.entries().stream().flatMap(e -> e.instead().stream()).anyMatch(i -> i.contains(name)),
                "the name appears as written in the advice");
        assertTrue(catalogue.entries().stream().flatMap(e -> e.links().stream()).anyMatch(l -> l.url().equals("https://example.org/a\"b")));
    }

    @Test
    void guidanceCoversEveryCategoryWithPublicLinks() {
        Organisation organisation = Organisation.parse(data.text("organisation.properties").orElseThrow());
        GuidanceCatalogue catalogue = GuidanceCatalogue.parse(data.text("guidance.json").orElseThrow(), organisation);
        for (GuidanceCatalogue.Entry entry : catalogue.entries()) {
            assertTrue(!entry.title().isBlank() && !entry.summary().isBlank(), entry.id());
            assertTrue(entry.instead().size() >= 2, entry.id() + " needs things to do instead");
            assertTrue(entry.links().size() >= 3, entry.id() + " needs the GMC and organisation links");
            for (GuidanceCatalogue.Link link : entry.links()) {
                assertTrue(link.url().startsWith("https://"), entry.id() + ": " + link.url());
                assertTrue(!link.title().isBlank());
            }
        }
        JsonObject raw = JsonParser.parseString(data.text("guidance.json").orElseThrow()).getAsJsonObject();
        for (JsonElement c : raw.getAsJsonArray("categories")) {
            assertTrue(Category.fromId(c.getAsJsonObject().get("id").getAsString()).isPresent());
        }
        assertTrue(organisation.contacts().stream().anyMatch(c -> c.value().equals("0800 716 646")));
    }

    @Test
    void anOrganisationCanShipItsOwnSettings() {
        Organisation other = Organisation.parse("""
                name=Example Defence Society
                shortName=EDS
                adviceUrl=https://example.org/advice
                helpline=0100 000 000
                helplineLabel=Advice line
                """);
        GuidanceCatalogue catalogue = GuidanceCatalogue.parse(data.text("guidance.json").orElseThrow(), other);
        String json = catalogue.toJson().toString();
        assertTrue(json.contains("https://example.org/advice"));
        assertTrue(json.contains("Example Defence Society"));
        assertTrue(!json.contains("0800 716 646"));
    }
}
