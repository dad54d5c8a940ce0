package org.postguard.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs text through {@link PostAnalyzer}. */
public final class Tokens {
    private static final Analyzer ANALYZER = new PostAnalyzer();

    private Tokens() {
    }

    public static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The analysed terms of a phrase joined by single spaces: the key phrases are indexed under. */
    public static String key(String phrase) {
        StringBuilder key = new StringBuilder();
        for (Token token : of(phrase)) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(token.term());
        }
        return key.toString();
    }
}
