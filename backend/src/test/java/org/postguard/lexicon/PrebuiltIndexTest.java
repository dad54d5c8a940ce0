package org.postguard.lexicon;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The build ships an index made from exactly the bundled data, so the server never re-indexes at start. */
class PrebuiltIndexTest {
    @Test
    void theIndexInTheJarMatchesTheDataFiles() throws IOException {
        DataFiles data = DataFiles.bundled();
        data.entries();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (InputStream list = Lexicon.class.getResourceAsStream(Lexicon.PREBUILT + "files.txt")) {
            assertNotNull(list, "no prebuilt index: the build's process-classes step (LexiconIndexer) did not run");
            for (String file : new String(list.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n")) {
                try (InputStream in = Lexicon.class.getResourceAsStream(Lexicon.PREBUILT + file);
                     IndexOutput out = directory.createOutput(file, IOContext.DEFAULT)) {
                    byte[] bytes = in.readAllBytes();
                    out.writeBytes(bytes, bytes.length);
                }
            }
        }
        assertEquals(data.fingerprint(), Lexicon.fingerprintOf(directory));
    }

    @Test
    void changedDataGetsAFreshIndexNotAStaleOne() {
        DataFiles data = DataFiles.bundled();
        var entries = new java.util.ArrayList<>(data.entries());
        entries.add(LexiconEntry.of("zzyzx syndrome", org.postguard.check.SignalKind.CONDITION, null, "test:1"));
        Lexicon lexicon = Lexicon.load(entries, "a different fingerprint");
        String text = "zzyzx syndrome";
        assertEquals(1, lexicon.match(text, org.postguard.text.Tokens.of(text)).size());
    }
}
