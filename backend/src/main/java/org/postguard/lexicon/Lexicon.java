package org.postguard.lexicon;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.postguard.check.SignalKind;
import org.postguard.text.Token;
import org.postguard.text.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Lucene index of every phrase and term in the data files, and the matcher that finds them in a
 * post. Each entry is indexed under its analysed key ("diagnos with sepsi"); a post is matched by
 * walking its tokens and looking up each run of consecutive tokens, stopping a run as soon as no
 * key starts with it. Longer clinical words not in the index are looked up with a typo allowed,
 * through a symmetric-deletion field ({@code del}), then checked by edit distance.
 *
 * <p>The index lives in memory and is read-only once built; {@link #match} is thread-safe. The
 * exact-match fields (keys, key prefixes, known words) are read once from the index's term
 * dictionaries into hash tables, so the per-keystroke path makes no Lucene seeks at all unless a
 * word looks misspelt; the typo lookups then seek the deletion field.
 */
public final class Lexicon {
    private static final String KEY = "key";
    /** Every proper start of a multi-word key ("diagnos with" for "diagnos with sepsi"): tells a run to go on. */
    private static final String PREFIX = "prefix";
    /** Every analysed word of every entry: a word here is known, so never treated as a typo. */
    private static final String TOKEN = "token";
    private static final String WORD = "word";
    private static final String DELETION = "del";
    private static final String ENTRY = "entry";
    /** Vocabulary words this long forgive one typo; {@link #TWO_TYPOS} and longer, two. */
    static final int ONE_TYPO = 7;
    static final int TWO_TYPOS = 10;
    /** Typed words shorter than this are never corrected ("sezure" still finds "seizure"). */
    static final int SHORTEST_TYPO = ONE_TYPO - 1;

    private final LeafReader reader;
    private final LexiconEntry[] entryOfDoc;
    private final String[] wordOfDoc;
    private final String[] stemOfDoc;
    private final Map<SignalKind, Integer> counts;
    private final Map<String, List<LexiconEntry>> entriesByKey;
    private final Set<String> prefixes;
    private final Set<String> knownWords;

    private Lexicon(LeafReader reader, LexiconEntry[] entryOfDoc, String[] wordOfDoc, String[] stemOfDoc,
                    Map<SignalKind, Integer> counts) throws IOException {
        this.reader = reader;
        this.entryOfDoc = entryOfDoc;
        this.wordOfDoc = wordOfDoc;
        this.stemOfDoc = stemOfDoc;
        this.entriesByKey = new java.util.HashMap<>();
        readTerms(KEY, (term, docs) -> entriesByKey.put(term, docs.stream().map(d -> entryOfDoc[d]).toList()));
        this.prefixes = new HashSet<>();
        readTerms(PREFIX, (term, docs) -> prefixes.add(term));
        this.knownWords = new HashSet<>();
        readTerms(TOKEN, (term, docs) -> knownWords.add(term));
        readTerms(WORD, (term, docs) -> knownWords.add(term));
        this.counts = counts;
    }

    /** Builds the index in memory; entries whose text analyses to nothing are skipped (DataFilesTest rejects them). */
    public static Lexicon build(List<LexiconEntry> entries) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            write(entries, directory, "");
            return open(entries, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The index that the build wrote into the jar ({@link LexiconIndexer}) when it was made from
     * exactly these data files, so the server starts without indexing; otherwise a fresh build.
     */
    public static Lexicon load(List<LexiconEntry> entries, String fingerprint) {
        try (java.io.InputStream list = Lexicon.class.getResourceAsStream(PREBUILT + "files.txt")) {
            if (list != null) {
                ByteBuffersDirectory directory = new ByteBuffersDirectory();
                for (String file : new String(list.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (file.isBlank()) {
                        continue;
                    }
                    try (java.io.InputStream in = Lexicon.class.getResourceAsStream(PREBUILT + file.strip());
                         org.apache.lucene.store.IndexOutput out = directory.createOutput(file.strip(), org.apache.lucene.store.IOContext.DEFAULT)) {
                        byte[] bytes = in.readAllBytes();
                        out.writeBytes(bytes, bytes.length);
                    }
                }
                if (fingerprint.equals(fingerprintOf(directory))) {
                    return open(entries, directory);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A missing or unreadable prebuilt index only costs start-up time: build a fresh one.
        }
        return build(entries);
    }

    /** Where {@link LexiconIndexer} puts the prebuilt index on the classpath. */
    static final String PREBUILT = "/postguard/index/";
    private static final String FINGERPRINT = "data-sha256";
    private static final String WORD_VALUE = "word-value";
    private static final String STEM_VALUE = "stem-value";

    static String fingerprintOf(org.apache.lucene.store.Directory directory) throws IOException {
        return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(FINGERPRINT, "");
    }

    /** Writes the index of these entries; each document records its entry's position in the list. */
    static void write(List<LexiconEntry> entries, org.apache.lucene.store.Directory directory, String fingerprint) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(64))) {
            Set<String> typoWords = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                LexiconEntry entry = entries.get(i);
                List<Token> tokens = Tokens.of(entry.text());
                if (tokens.isEmpty()) {
                    continue;
                }
                Document doc = new Document();
                doc.add(new StringField(KEY, join(tokens, 0, tokens.size()), Field.Store.NO));
                for (int end = 1; end < tokens.size(); end++) {
                    doc.add(new StringField(PREFIX, join(tokens, 0, end), Field.Store.NO));
                }
                for (Token token : tokens) {
                    doc.add(new StringField(TOKEN, token.term(), Field.Store.NO));
                }
                doc.add(new NumericDocValuesField(ENTRY, i));
                writer.addDocument(doc);
                if (entry.kind().isClinical() || entry.kind() == SignalKind.ANATOMY) {
                    for (Token token : tokens) {
                        String surface = surface(entry.text(), token);
                        if (surface.length() >= ONE_TYPO && isLetters(surface)) {
                            typoWords.add(surface);
                        }
                    }
                }
            }
            for (String word : typoWords.stream().sorted().toList()) {
                Document doc = new Document();
                doc.add(new StringField(WORD, word, Field.Store.NO));
                for (String deletion : deletions(word)) {
                    doc.add(new StringField(DELETION, deletion, Field.Store.NO));
                }
                doc.add(new org.apache.lucene.document.BinaryDocValuesField(WORD_VALUE, new BytesRef(word)));
                doc.add(new org.apache.lucene.document.BinaryDocValuesField(STEM_VALUE, new BytesRef(Tokens.of(word).getFirst().term())));
                writer.addDocument(doc);
            }
            writer.addDocument(new Document()); // keeps the index non-empty even with no data
            writer.forceMerge(1);
            writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint).entrySet());
            writer.commit();
        }
    }

    private static Lexicon open(List<LexiconEntry> entries, org.apache.lucene.store.Directory directory) throws IOException {
        DirectoryReader directoryReader = DirectoryReader.open(directory);
        LeafReader leaf = directoryReader.leaves().getFirst().reader();
        LexiconEntry[] entryOfDoc = new LexiconEntry[leaf.maxDoc()];
        String[] wordOfDoc = new String[leaf.maxDoc()];
        String[] stemOfDoc = new String[leaf.maxDoc()];
        Map<SignalKind, Integer> counts = new EnumMap<>(SignalKind.class);
        NumericDocValues values = leaf.getNumericDocValues(ENTRY);
        for (int doc = values == null ? DocIdSetIterator.NO_MORE_DOCS : values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            entryOfDoc[doc] = entries.get((int) values.longValue());
            counts.merge(entryOfDoc[doc].kind(), 1, Integer::sum);
        }
        org.apache.lucene.index.BinaryDocValues words = leaf.getBinaryDocValues(WORD_VALUE);
        org.apache.lucene.index.BinaryDocValues stems = leaf.getBinaryDocValues(STEM_VALUE);
        for (int doc = words == null ? DocIdSetIterator.NO_MORE_DOCS : words.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = words.nextDoc()) {
            wordOfDoc[doc] = words.binaryValue().utf8ToString();
            stems.advance(doc);
            stemOfDoc[doc] = stems.binaryValue().utf8ToString();
        }
        return new Lexicon(leaf, entryOfDoc, wordOfDoc, stemOfDoc, counts);
    }

    private void readTerms(String field, java.util.function.BiConsumer<String, List<Integer>> sink) throws IOException {
        Terms terms = reader.terms(field);
        if (terms == null) {
            return;
        }
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            postings = te.postings(postings, PostingsEnum.NONE);
            List<Integer> docs = new ArrayList<>(1);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                docs.add(doc);
            }
            sink.accept(term.utf8ToString(), docs);
        }
    }

    /** How many entries of this kind are indexed. */
    public int count(SignalKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Every indexed entry found in the text, longest match first at each position. */
    public List<LexiconMatch> match(String text, List<Token> tokens) {
        try {
            Lookup lookup = new Lookup();
            String[] terms = new String[tokens.size()];
            boolean[] corrected = new boolean[tokens.size()];
            for (int i = 0; i < terms.length; i++) {
                String term = tokens.get(i).term();
                terms[i] = term;
                String surface = surface(text, tokens.get(i));
                if (surface.length() >= SHORTEST_TYPO && isLetters(surface) && !lookup.knownWord(term, surface)) {
                    String fix = lookup.correction(surface);
                    if (fix != null) {
                        terms[i] = fix;
                        corrected[i] = true;
                    }
                }
            }
            List<LexiconMatch> matches = new ArrayList<>();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < terms.length; i++) {
                key.setLength(0);
                boolean fuzzy = false;
                for (int j = i; j < terms.length; j++) {
                    if (j > i) {
                        key.append(' ');
                    }
                    key.append(terms[j]);
                    fuzzy |= corrected[j];
                    int start = tokens.get(i).start();
                    int end = tokens.get(j).end();
                    String run = key.toString();
                    for (LexiconEntry entry : lookup.entries(run)) {
                        if (!entry.caseSensitive() || writtenAsListed(text, start, end, entry)) {
                            matches.add(new LexiconMatch(start, end, entry, fuzzy));
                        }
                    }
                    if (!lookup.startsKey(run)) {
                        break;
                    }
                }
            }
            return matches;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The word as typed, lower-cased and with accents folded, but not stemmed. */
    private static String surface(String text, Token token) {
        String word = text.substring(token.start(), token.end()).toLowerCase(java.util.Locale.ROOT);
        char[] folded = new char[word.length() * 4];
        int length = org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter.foldToASCII(word.toCharArray(), 0, folded, 0, word.length());
        return new String(folded, 0, length);
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < 'a' || word.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** Abbreviations must be in capitals; names must start with a capital letter. */
    private static boolean writtenAsListed(String text, int start, int end, LexiconEntry entry) {
        return entry.kind() == SignalKind.PLACE_NAME
                ? Character.isUpperCase(text.charAt(start))
                : isWrittenInCapitals(text, start, end);
    }

    private static boolean isWrittenInCapitals(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String join(List<Token> tokens, int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                key.append(' ');
            }
            key.append(tokens.get(i).term());
        }
        return key.toString();
    }

    /**
     * The word with one letter removed, every way, and itself. Both the vocabulary and the typed
     * word are reduced this way, so a shared form finds pairs one deletion apart on each side:
     * a dropped, added or wrong letter, or two letters swapped. The edit distance then decides.
     */
    static Set<String> deletions(String word) {
        Set<String> result = new HashSet<>();
        result.add(word);
        for (int i = 0; i < word.length(); i++) {
            result.add(word.substring(0, i) + word.substring(i + 1));
        }
        return result;
    }

    /** Optimal string alignment distance: edits, with an adjacent swap counted as one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Per-call Lucene cursors: TermsEnum is not thread-safe, so each match gets its own. */
    private final class Lookup {
        private TermsEnum deletions;
        private final BytesRef probe = new BytesRef();
        private PostingsEnum postings;

        /** The deletion field's cursor, opened only when a post has a word that looks misspelt. */
        private TermsEnum deletionTerms() throws IOException {
            if (deletions == null) {
                deletions = iterator(DELETION);
            }
            return deletions;
        }

        private TermsEnum iterator(String field) throws IOException {
            Terms terms = reader.terms(field);
            return terms == null ? TermsEnum.EMPTY : terms.iterator();
        }

        List<LexiconEntry> entries(String key) {
            return entriesByKey.getOrDefault(key, List.of());
        }

        /** True when some indexed key is longer than this one and begins with it. */
        boolean startsKey(String key) {
            return prefixes.contains(key);
        }

        /** A word the data uses somewhere, or a correctly spelt vocabulary word: not a typo. */
        boolean knownWord(String term, String surface) {
            return knownWords.contains(term) || knownWords.contains(surface);
        }

        /** The stem of the closest vocabulary word within its allowed distance of the typed word, or null. */
        String correction(String typed) throws IOException {
            String best = null;
            String bestStem = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String deletion : deletions(typed)) {
                if (!deletionTerms().seekExact(bytes(deletion))) {
                    continue;
                }
                postings = deletionTerms().postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    String candidate = wordOfDoc[doc];
                    if (candidate == null || candidate.charAt(0) != typed.charAt(0)) {
                        continue;
                    }
                    int allowed = candidate.length() >= TWO_TYPOS ? 2 : 1;
                    int distance = distance(typed, candidate);
                    if (distance <= allowed && (distance < bestDistance
                            || distance == bestDistance && candidate.compareTo(best) < 0)) {
                        best = candidate;
                        bestStem = stemOfDoc[doc];
                        bestDistance = distance;
                    }
                }
            }
            return bestStem;
        }

        private BytesRef bytes(CharSequence text) {
            BytesRef ref = new BytesRef(text);
            probe.bytes = ref.bytes;
            probe.offset = ref.offset;
            probe.length = ref.length;
            return probe;
        }
    }
}
